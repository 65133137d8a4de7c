//! An open register as the page holds it, and what the page does with it: every change applied by
//! `domain::register::edit` and saved a moment later (each key does not write megabytes), the save refused when
//! another tab wrote the register since, 纳入检视整改 into the branch's org list, 导出JSON.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;

use crate::domain::register::edit::{apply, Action};
use crate::domain::register::include::{include, target};
use crate::domain::register::model::Register;
use crate::domain::register::stored;
use crate::ui::web::storage::{self, Shelf};
use crate::ui::web::{clock, download};

/// How long after a change the register is written: typing a sentence writes it once.
const SAVE_AFTER_MS: u32 = 600;

pub struct Open {
    pub register: Register,
    /// The save time of the stored copy this page last read or wrote.
    known: Option<String>,
    pending: Option<Timeout>,
    /// What the status line says: the last save, or why it failed; or what a step did.
    pub said: Option<Result<String, String>>,
    /// 检查 was pressed: findings show from now on.
    pub checked: bool,
    /// The register before the last 删除, for 撤销删除.
    pub before_removal: Option<Register>,
    pub previewing: bool,
}

/// The open register, shared by the page's callbacks.
pub type Shared = Rc<RefCell<Option<Open>>>;

impl Open {
    pub fn new(register: Register, known: Option<String>) -> Self {
        Open {
            register,
            known,
            pending: None,
            said: None,
            checked: false,
            before_removal: None,
            previewing: false,
        }
    }
}

/// Writes the register now; the status line says how it went.
pub fn save(shelf: &Shelf, open: &mut Open) {
    open.pending = None;
    let saved_at = clock::now_text();
    let text = stored::encode(&open.register, &saved_at);
    open.said = Some(
        match storage::save_register(shelf, &open.register.id, text, open.known.as_deref()) {
            Ok(()) => {
                open.known = Some(saved_at.clone());
                Ok(format!(
                    "已自动保存（{}）",
                    clock::local_time_text(&saved_at)
                ))
            }
            Err(e) => Err(e),
        },
    );
}

/// Applies a change; a change that changed something is saved shortly, unless another comes first.
pub fn edit(shared: &Shared, shelf: &Shelf, action: Action, rerender: impl Fn() + 'static) {
    let mut guard = shared.borrow_mut();
    let Some(open) = guard.as_mut() else { return };
    let removal = matches!(action, Action::Remove { .. }).then(|| open.register.clone());
    if !apply(&mut open.register, action) {
        return;
    }
    if removal.is_some() {
        open.before_removal = removal;
        open.said = Some(Ok("已删除。如删错了，请点“撤销删除”。".into()));
    }
    let (later, shelf) = (shared.clone(), shelf.clone());
    open.pending = Some(Timeout::new(SAVE_AFTER_MS, move || {
        if let Some(open) = later.borrow_mut().as_mut() {
            save(&shelf, open);
        }
        rerender();
    }));
}

/// Saves now if a change waits (the page closes).
pub fn flush(shared: &Shared, shelf: &Shelf) {
    if let Some(open) = shared.borrow_mut().as_mut() {
        if open.pending.is_some() {
            save(shelf, open);
        }
    }
}

/// 纳入检视整改 of item `item`: into the newest 《党组织检视整改问题清单》 of the same 党组织 on this computer (of the
/// register's 活动 where there is one), both saved at once. What it did, or why not.
pub fn include_item(shelf: &Shelf, open: &mut Open, item: &str) -> Result<String, String> {
    let header = &open.register.header;
    let org = header.org_name.trim().to_string();
    if org.is_empty() {
        return Err(
            "请先在表头信息中填写党组织名称：纳入的是本支部的《党组织检视整改问题清单》。".into(),
        );
    }
    let lists: Vec<_> = storage::all_local()
        .into_iter()
        .filter_map(Result::ok)
        .collect();
    let Some(at) = target(header, &lists, |d| &d.document) else {
        return Err(format!("本机没有“{org}”的《党组织检视整改问题清单》。请先回到首页“新建党组织清单”（党组织名称与本清单相同），再纳入检视整改。"));
    };
    let mut list = lists[at].clone();
    let mut register = open.register.clone();
    let (problem, measure) = (clock::new_id(), clock::new_id());
    let n = include(&mut register, item, &mut list.document, problem, measure)
        .map_err(|e| e.message())?;
    list.saved_at = clock::now_text();
    storage::save(shelf, &list, |_| {})?;
    open.register = register;
    save(shelf, open);
    // The new problem's 问题来源, as paper says it.
    let source = list.document.problems[n - 1]
        .sources
        .first()
        .map_or("", |s| s.formal());
    Ok(format!("已纳入“{org}”的《党组织检视整改问题清单》，是其中第{n}个问题（问题来源：{source}）。请打开那份清单补充问题类别和整改措施。"))
}

/// 导出JSON: the file offered for download, the register as exported kept (its revision and seal).
pub fn export_json(shelf: &Shelf, open: &mut Open) -> Result<String, String> {
    let complete =
        crate::domain::register::validate::validate(&open.register, clock::today()).is_complete();
    let out = crate::domain::register::file::export(&open.register, complete, clock::now());
    download::save(&out.file_name, &out.bytes, "application/json")?;
    open.register = out.register;
    save(shelf, open);
    Ok(format!("已导出“{}”。", out.file_name))
}
