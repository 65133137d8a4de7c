//! 首页: what the app is, that the data stays here, the drafts on this computer, and the ways in.

use yew::prelude::*;

use crate::domain::editor::drafts::{Draft, Summary};
use crate::domain::editor::route::{Route, Step};
use crate::domain::file::import::{import_value, parse, ImportError, Seal};
use crate::domain::file::table::is_office_file;
use crate::domain::list::edit::{apply, Action};
use crate::domain::list::model::{Campaign, Kind};
use crate::domain::office::consolidate::one_branch;
use crate::domain::office::review::attach::attaching;
use crate::domain::office::review::file::classify;
use crate::ui::components::confirm::Confirm;
use crate::ui::components::lazy_page::LazyPage;
use crate::ui::flash;
use crate::ui::stored::use_shelf;
use crate::ui::web::lazy::Page;
use crate::ui::web::storage::Shelf;
use crate::ui::web::{campaigns, clock, durable, files, location, storage};

/// Saves `draft` and opens it at `step`. Where the browser refuses to store it, the draft is kept in memory and
/// opened all the same, with the reason shown at once: the user can still fill it in and export it.
fn open_at(shelf: &Shelf, mut draft: Draft, step: Step) -> Result<(), String> {
    // Stamped as it is stored, not as its file was read: while the user was asked whether to replace the draft,
    // the tab that edits it may have saved, and the older of the two stored copies loses when one is opened.
    draft.saved_at = clock::now_text();
    // The editor says at once whether the backup copy can be kept; here only localStorage's answer is waited for.
    if let Err(e) = storage::save(shelf, &draft, |_| {}) {
        flash::set(e);
    }
    let route = Route::Edit(draft.document.id.clone(), step);
    storage::hand_over(shelf, draft);
    location::go(&route);
    Ok(())
}

fn open_new(shelf: &Shelf, draft: Draft) -> Result<(), String> {
    open_at(shelf, draft, Step::Header)
}

/// A review file (审核意见) attached to the draft it is of, which then opens at 检查 where its comments are
/// answered; or why not, changing nothing.
fn attach_review(
    shelf: &Shelf,
    name: &str,
    bytes: &[u8],
    drafts: &[Draft],
) -> Option<Result<(), String>> {
    let review = match classify(bytes)? {
        Ok(review) => review,
        Err(e) => return Some(Err(format!("无法导入“{name}”：{}", e.message()))),
    };
    let draft = drafts.iter().find(|d| d.document.id == review.list.id);
    Some(
        attaching(draft.map(|d| &d.document), &review)
            .map_err(|refused| format!("无法导入“{name}”：{}", refused.message()))
            .and_then(|attach| {
                let mut draft = draft.cloned().expect("attaching found the draft");
                flash::set(attach.message());
                let _ = apply(
                    &mut draft.document,
                    Action::AttachReview(Box::new(attach.review)),
                );
                open_at(shelf, draft, Step::Check)
            }),
    )
}

/// What 新建 starts.
#[derive(Clone, Copy, PartialEq)]
enum New {
    Org,
    /// A branch's member list: the secretary's roster, gathering and index.
    Branch,
    /// A member's own list: one member, filled in by the member.
    Personal,
}

/// A new list of `new` in `campaign`. Where the campaign publishes no categories, the list starts with the user's
/// own: those of their newest draft of the same kind.
fn create(
    shelf: &Shelf,
    new: New,
    campaign: Option<Campaign>,
    drafts: &[storage::Listed],
) -> Result<(), String> {
    let kind = if new == New::Org {
        Kind::Org
    } else {
        Kind::Member
    };
    let own = drafts
        .iter()
        .filter_map(|d| d.as_ref().ok())
        .find(|d| d.document.kind == kind && !d.document.header.categories.is_empty())
        .map(|d| d.document.header.categories.clone())
        .unwrap_or_default();
    campaigns::chose(&campaign);
    let mut document =
        crate::domain::list::campaign::new_list(kind, clock::new_id(), campaign, &own);
    if new == New::Personal {
        // Today already in 填报日期: a member writes the list the day it is filed, often on a phone.
        document.header.filed_on = crate::domain::dates::iso(clock::today());
        // The member, with a first problem and measure to fill in.
        let member = Action::AddMember {
            id: clock::new_id(),
            problem_id: clock::new_id(),
            measure_id: clock::new_id(),
        };
        let _ = apply(&mut document, member);
    }
    open_new(
        shelf,
        Draft {
            document,
            saved_at: clock::now_text(),
            personal: new == New::Personal,
        },
    )
}

/// Why `name` did not open, in the words the start page shows.
fn refused(name: &str, e: &ImportError) -> String {
    format!("无法打开“{name}”：{}", e.message())
}

/// Runs `then` in a task of its own, after the page has had its turn (a paint, a key).
fn later(then: impl FnOnce() + 'static) {
    gloo::timers::callback::Timeout::new(0, then).forget();
}

/// What the page is asking or telling.
#[derive(Clone, PartialEq)]
enum Notice {
    None,
    Error(String),
    Info(String),
    /// The imported file is a list that already has a draft here; with that draft's 党支部 when it is another
    /// one (one of the two was made on the other's file).
    Replace(Box<Draft>, Option<String>),
    Delete(String, String),
}

/// The drafts of this computer as the page holds them: each readable one, or its id and why it is not.
type Drafts = UseStateHandle<Vec<storage::Listed>>;

#[function_component(Home)]
pub fn home() -> Html {
    // A notice left for this page (drafts restored after the browser cleared its storage).
    let notice = use_state(|| flash::take().map(Notice::Error).unwrap_or(Notice::None));
    {
        // What start-up finds out after this page shows (drafts put back from the backup) is said here too.
        let notice = notice.clone();
        use_effect_with((), move |_| {
            flash::listen(Some(Callback::from(move |m| notice.set(Notice::Error(m)))));
            || flash::listen(None)
        });
    }
    // localStorage's drafts at once, then every draft with its newer copy (some may be only in IndexedDB).
    let shelf = use_shelf();
    let drafts: Drafts = use_state(storage::all_local);
    let backup_refused = use_state(|| false);
    // A Word or Excel file chosen to import: its table is shown by the office module until 确认导入 or 取消.
    let table: Chosen = use_state(|| None);
    // The 活动 新建 starts lists in: this computer's last choice.
    let campaign = use_state(campaigns::last);
    {
        let (drafts, backup_refused) = (drafts.clone(), backup_refused.clone());
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                drafts.set(storage::all().await);
                if !durable::available(durable::DRAFTS).await {
                    backup_refused.set(true);
                }
            });
        });
    }
    html! {
        <>
            <header class="intro">
                <h1>{ "检视整改清单" }</h1>
                <p>{ "帮助党支部填写、检查、打印和报送《党组织检视整改问题清单》《党员检视整改问题清单》，并跟踪每项整改措施直到销号。" }</p>
                <p>{ "所有内容只保存在本机的浏览器里，不会上传到任何地方；只有您自己导出保存的文件才会离开本程序。" }</p>
            </header>
            <section class="start-actions" aria-labelledby="start-heading">
                <h2 id="start-heading">{ "开始" }</h2>
                { start_buttons(&shelf, &notice, &drafts, &table, &campaign) }
                <p class="muted">{ "党员本人：点“新建个人清单”写自己的问题和措施，导出后把文件交给支部。支部书记：点“新建党员清单”，列出全支部党员，再“收集党员清单”。" }</p>
                { super::other_lists::new_buttons() }
                { notice_view(&shelf, &notice, &drafts) }
                if let Some((name, bytes)) = &*table {
                    <LazyPage page={Page::Table(name.clone(), bytes.clone())} />
                }
                if *backup_refused {
                    <p class="notice error" role="alert">{ storage::NO_BACKUP }</p>
                }
            </section>
            { drafts_section(&drafts, &notice) }
            { super::other_lists::section({
                let notice = notice.clone();
                Callback::from(move |(id, name)| notice.set(Notice::Delete(id, name)))
            }) }
        </>
    }
}

/// A Word or Excel file being imported (its name and bytes).
type Chosen = UseStateHandle<Option<(String, std::rc::Rc<Vec<u8>>)>>;

/// 活动 of the lists 新建 starts: this computer's last choice, the presets, its own campaigns, or a new one.
fn campaign_choice(campaign: &UseStateHandle<Option<Campaign>>, drafts: &Drafts) -> Html {
    // This computer's own campaigns: those kept, and those its drafts are in (one being defined among them).
    let mut own = campaigns::kept();
    own.extend(
        (drafts.iter().filter_map(|d| d.as_ref().ok()))
            .filter_map(|d| d.document.header.campaign.clone()),
    );
    let (options, at) = crate::domain::list::campaign::options(&own, campaign);
    let onchange = {
        let (campaign, options) = (campaign.clone(), options.clone());
        Callback::from(move |e: Event| {
            let picked = (crate::ui::dom::value_of(e.target()).parse::<usize>().ok())
                .and_then(|i| options.get(i));
            if let Some((_, c)) = picked {
                campaigns::chose(c);
                campaign.set(c.clone());
            }
        })
    };
    html! {
        <div class="field campaign-choice">
            <label for="new-campaign">{ "活动（新建的清单属于）" }</label>
            <select id="new-campaign" {onchange}>
                { for options.iter().enumerate().map(|(i, (label, _))| html! {
                    <option value={i.to_string()} selected={i == at}>{ label }</option>
                }) }
            </select>
        </div>
    }
}

/// 新建党组织清单, 新建党员清单, 新建个人清单, 导入文件, 汇总.
fn start_buttons(
    shelf: &Shelf,
    notice: &UseStateHandle<Notice>,
    drafts: &Drafts,
    table: &Chosen,
    campaign: &UseStateHandle<Option<Campaign>>,
) -> Html {
    let new_list = |new: New| {
        let (notice, campaign, drafts) = (notice.clone(), campaign.clone(), drafts.clone());
        let shelf = shelf.clone();
        Callback::from(move |_: MouseEvent| {
            if let Err(e) = create(&shelf, new, (*campaign).clone(), &drafts) {
                notice.set(Notice::Error(e));
            }
        })
    };
    html! {
        <>
        { campaign_choice(campaign, drafts) }
        <div class="button-row">
            <button type="button" class="primary" onclick={new_list(New::Org)}>{ "新建党组织清单" }</button>
            <button type="button" class="primary" onclick={new_list(New::Branch)}>{ "新建党员清单" }</button>
            <button type="button" class="primary" onclick={new_list(New::Personal)}
                title="党员本人填写自己的检视剖析，导出后交给支部收集">{ "新建个人清单" }</button>
            <label class="file-button">
                <input type="file" accept=".json,application/json,.docx,.xlsx,.doc,.xls,.wps,.et" onchange={import_file(shelf, notice, drafts, table)} />
                <span>{ "导入文件" }</span>
            </label>
            <button type="button" onclick={Callback::from(|_: MouseEvent| location::go(&Route::Consolidate(None)))}>{ "汇总" }</button>
        </div>
        </>
    }
}

/// 导入文件: a review attached to its draft, or a list opened as a draft (asking before it replaces one here).
fn import_file(
    shelf: &Shelf,
    notice: &UseStateHandle<Notice>,
    drafts: &Drafts,
    table: &Chosen,
) -> Callback<Event> {
    let (notice, table, shelf) = (notice.clone(), table.clone(), shelf.clone());
    let known: Vec<String> = drafts
        .iter()
        .map(|d| match d {
            Ok(d) => d.document.id.clone(),
            Err((id, _)) => id.clone(),
        })
        .collect();
    let readable: Vec<Draft> = drafts
        .iter()
        .filter_map(|d| d.as_ref().ok().cloned())
        .collect();
    // The 党支部 of each readable draft, to tell a list made on another 党支部's file from a revision of one's own.
    let headers: Vec<(String, crate::domain::list::model::Header)> = readable
        .iter()
        .map(|d| (d.document.id.clone(), d.document.header.clone()))
        .collect();
    Callback::from(move |e: Event| {
        let notice = notice.clone();
        let (known, readable, table) = (known.clone(), readable.clone(), table.clone());
        let (headers, shelf) = (headers.clone(), shelf.clone());
        files::read_chosen(e, move |name, bytes| {
            table.set(None);
            if is_office_file(&name, &bytes) {
                notice.set(Notice::None);
                return table.set(Some((name, std::rc::Rc::new(bytes))));
            }
            if let Some(attached) = attach_review(&shelf, &name, &bytes, &readable) {
                if let Err(e) = attached {
                    notice.set(Notice::Error(e));
                }
                return;
            }
            // Three tasks, each under half a second on an old PC for a 4 MB list, rather than one of a second
            // and a half: reading the JSON, then checking and typing it, then saving and opening the draft.
            let value = match parse(&bytes) {
                Ok(value) => value,
                Err(e) => return notice.set(Notice::Error(refused(&name, &e))),
            };
            // A 调研问题清单, 成果转化清单 or 意见建议台账: read and shown by the module that reads tables too.
            if crate::domain::register::file::is_register(&value) {
                notice.set(Notice::None);
                return table.set(Some((name, std::rc::Rc::new(bytes))));
            }
            later(move || {
                let imported = match import_value(value) {
                    Ok(imported) => imported,
                    Err(e) => return notice.set(Notice::Error(refused(&name, &e))),
                };
                if let Seal::Changed { .. } = imported.seal {
                    flash::set(format!("注意：文件“{name}”在导出后被改动过，或已损坏（校验码不符）。请核对内容，必要时向报送单位要原文件。"));
                }
                // A campaign defined by hand comes with its file: this computer offers it from now on.
                if let Some(c) = &imported.document.header.campaign {
                    campaigns::keep(c);
                }
                let draft = Draft::of(imported.document, clock::now_text());
                if known.contains(&draft.document.id) {
                    let other = headers
                        .iter()
                        .find(|(id, h)| {
                            *id == draft.document.id && !one_branch(h, &draft.document.header)
                        })
                        .map(|(_, h)| h.org_name.trim().to_string());
                    return notice.set(Notice::Replace(Box::new(draft), other));
                }
                later(move || {
                    if let Err(e) = open_new(&shelf, draft) {
                        notice.set(Notice::Error(e));
                    }
                });
            });
        });
    })
}

/// A file of the same list id as a draft here, but of another 党支部: one was made on the other's file. Asked,
/// kept both by default (the file as a list of its own, under a new id), replaced only if the user says so.
fn template_question(
    shelf: &Shelf,
    notice: &UseStateHandle<Notice>,
    draft: Draft,
    local: &str,
) -> Html {
    let name = draft.document.header.org_name.trim().to_string();
    let open = |draft: Draft| {
        let (notice, shelf) = (notice.clone(), shelf.clone());
        Callback::from(move |_| {
            if let Err(e) = open_new(&shelf, draft.clone()) {
                notice.set(Notice::Error(e));
            }
        })
    };
    let both = Draft::of(
        draft.document.as_new_list(clock::new_id()),
        draft.saved_at.clone(),
    );
    let on_cancel = {
        let notice = notice.clone();
        Callback::from(move |_| {
            flash::take();
            notice.set(Notice::Info("已取消导入，本机草稿没有改变。".into()))
        })
    };
    let replace = open(draft).reform(|_: MouseEvent| ());
    html! {
        <Confirm message={format!("本机已有一份清单编号相同的草稿，但它是“{local}”的，要导入的文件是“{name}”的：多半是其中一份用另一份做模板填写的。建议作为新清单导入，两份都保留（新清单另编编号，从第1版起）。")}
            confirm_label="作为新清单导入（两份都保留）" on_confirm={open(both)} {on_cancel}>
            <div class="button-row">
                <button type="button" class="danger-text" onclick={replace}>{ format!("用文件替换“{local}”的草稿") }</button>
            </div>
        </Confirm>
    }
}

/// What the page is asking or telling: an error, a word, or a question (replace a draft, delete one).
fn notice_view(shelf: &Shelf, notice: &UseStateHandle<Notice>, drafts: &Drafts) -> Html {
    let set = |n: Notice| {
        let notice = notice.clone();
        Callback::from(move |_| notice.set(n.clone()))
    };
    match (**notice).clone() {
        Notice::None => html! {},
        Notice::Error(text) => html! { <p class="notice error" role="alert">{ text }</p> },
        Notice::Info(text) => html! { <p class="notice ok" role="status">{ text }</p> },
        Notice::Replace(draft, Some(local)) => template_question(shelf, notice, *draft, &local),
        Notice::Replace(draft, None) => {
            let name = draft.document.header.org_name.clone();
            let on_confirm = {
                let (notice, shelf) = (notice.clone(), shelf.clone());
                Callback::from(move |_| {
                    if let Err(e) = open_new(&shelf, (*draft).clone()) {
                        notice.set(Notice::Error(e));
                    }
                })
            };
            let on_cancel = {
                let notice = notice.clone();
                Callback::from(move |_| {
                    flash::take();
                    notice.set(Notice::Info("已取消导入，本机草稿没有改变。".into()))
                })
            };
            html! {
                <Confirm message={format!("本机已经有这份清单（{name}）的草稿。用文件中的内容替换本机草稿吗？本机草稿中没有导出的修改将会丢失。")}
                    confirm_label="用文件替换本机草稿" {on_confirm} {on_cancel} />
            }
        }
        Notice::Delete(id, name) => {
            let on_confirm = {
                let (notice, drafts) = (notice.clone(), drafts.clone());
                Callback::from(move |_| {
                    storage::delete(&id);
                    // Or a 调研问题清单, 成果转化清单 or 意见建议台账 of that id (ids are never shared).
                    storage::delete_register(&id);
                    let left = drafts
                        .iter()
                        .filter(|d| !matches!(d, Ok(d) if d.document.id == id))
                        .filter(|d| !matches!(d, Err((other, _)) if *other == id))
                        .cloned()
                        .collect();
                    drafts.set(left);
                    notice.set(Notice::Info("草稿已删除。".into()));
                })
            };
            html! {
                <Confirm message={format!("确定删除草稿“{name}”吗？删除后不能恢复；如需保留，请先打开它并导出JSON。")}
                    confirm_label="确定删除" {on_confirm} on_cancel={set(Notice::None)} />
            }
        }
    }
}

/// 本机草稿: each draft with 打开 and 删除, or why it cannot be read.
fn drafts_section(drafts: &Drafts, notice: &UseStateHandle<Notice>) -> Html {
    let today = clock::today();
    let rows = drafts.iter().map(|entry| match entry {
        Ok(draft) => {
            let s = Summary::of(draft, today);
            let open = {
                let id = s.id.clone();
                Callback::from(move |_: MouseEvent| location::go(&Route::Edit(id.clone(), Step::Header)))
            };
            let delete = {
                let notice = notice.clone();
                let (id, name) = (s.id.clone(), s.name.clone());
                Callback::from(move |_: MouseEvent| notice.set(Notice::Delete(id.clone(), name.clone())))
            };
            let state = if s.complete { "完整".to_string() } else { format!("草稿（{}个错误）", s.errors) };
            html! {
                <tr key={s.id.clone()}>
                    <th scope="row">{ &s.name }</th>
                    <td>{ &s.kind_name }</td>
                    <td>{ &s.campaign }</td>
                    <td>{ clock::local_time_text(&s.saved_at) }</td>
                    <td class={if s.complete { "state ok" } else { "state draft" }}>{ state }</td>
                    <td class="actions">
                        <button type="button" onclick={open} aria-label={format!("打开 {}", s.name)}>{ "打开" }</button>
                        <button type="button" onclick={delete} aria-label={format!("删除 {}", s.name)}>{ "删除" }</button>
                    </td>
                </tr>
            }
        }
        Err((id, error)) => html! {
            <tr key={id.clone()}>
                <th scope="row">{ "无法读取的草稿" }</th>
                <td colspan="5">{ error.message() }</td>
            </tr>
        },
    });
    html! {
        <section aria-labelledby="drafts-heading">
            <h2 id="drafts-heading">{ "本机草稿" }</h2>
            if drafts.is_empty() {
                <p class="muted">{ "还没有草稿。点“新建党组织清单”或“新建党员清单”开始填写，或导入一个清单文件。" }</p>
            } else {
                <table class="drafts">
                    <thead><tr><th scope="col">{ "党组织名称" }</th><th scope="col">{ "清单类型" }</th><th scope="col">{ "活动" }</th><th scope="col">{ "最后保存" }</th><th scope="col">{ "完成情况" }</th><th scope="col">{ "操作" }</th></tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            }
        </section>
    }
}
