//! The campaign's other lists (`docs/format.md` § 15): 调研问题清单 (each 调研课题 and the problems it found, their
//! 整改措施 followed to 销号), 成果转化清单 (what the 调研 turned into) and 意见建议台账 (each opinion collected, how it
//! was handled and answered). A 调研问题 or an 意见建议 may be 纳入检视整改 (`include`): it becomes a problem of the
//! branch's 《党组织检视整改问题清单》, each side naming the other. `figures` counts them for 汇总 and the report.

pub mod edit;
pub mod figures;
pub mod file;
pub mod include;
pub mod model;
pub mod stored;
pub mod table;
pub mod validate;
