//! The central office (主题教育办公室): the set of files received from the branches, their figures by 党支部,
//! 汇总's page, 调度 over a period, and the review (审核意见) sent back to a branch.

pub mod branches;
pub mod consolidate;
pub mod dispatch;
pub mod other_lists;
pub mod paging;
pub mod period;
pub mod review;
pub mod summary_page;
pub mod summary_set;
