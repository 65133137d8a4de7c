//! One list document (a 党组织清单 or a 党员清单): its model, the 活动 it belongs to, the edits a user makes, the
//! rules it is checked against and the words that place a field, and a member list's gathering of members' own lists.

pub mod campaign;
pub mod changes;
pub mod edit;
pub mod findings;
pub mod gather;
pub mod locate;
pub mod model;
pub mod outline;
pub mod path;
pub mod progress;
pub mod required;
pub mod validate;
pub mod vocabulary;
