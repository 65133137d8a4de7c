//! Small building blocks of the forms.

pub mod choice;
pub mod commit_field;
pub mod confirm;
pub mod drop_zone;
pub mod field;
pub mod findings;
pub mod following;
pub mod item_actions;
pub mod lazy_page;
pub mod office_export;
pub mod said;
