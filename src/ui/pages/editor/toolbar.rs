//! The actions on the whole list (检查, 导出JSON, 打印, 整改台账), the export step, and the undo notice.

use yew::prelude::*;

use crate::domain::editor::route::{Layout, Route, Step};
use crate::domain::file::export::{export, file_name};
use crate::domain::labels::hand_in_to;
use crate::domain::list::model::Kind;
use crate::domain::list::validate::validate;
use crate::domain::papers::request::Request;
use crate::ui::components::confirm::Confirm;
use crate::ui::components::office_export::OfficeExport;
use crate::ui::session::SessionHandle;
use crate::ui::web::{clock, download, location};

#[derive(Clone, PartialEq)]
enum Notice {
    None,
    Done(String),
    Failed(String),
    ConfirmDraft(usize),
}

/// An export raises the revision and is saved; from a read-only tab that save would overwrite the tab that edits,
/// and two files could carry one revision with different contents. So a read-only tab does not export.
fn writable(session: &SessionHandle) -> Result<(), String> {
    if session.is_read_only() {
        Err("这份草稿正在另一个窗口中编辑，本窗口只供查看，不能导出（导出会改变清单的修订号）。请到正在编辑的窗口导出，或先点“在本窗口继续编辑”。".to_string())
    } else {
        Ok(())
    }
}

/// The list as exported now (its revision raised when it changed since the last export), kept as the draft.
fn exported(session: &SessionHandle) -> Result<crate::domain::file::export::Exported, String> {
    writable(session)?;
    let (doc, complete) = session.read(|s| {
        (
            s.doc.clone(),
            validate(&s.doc, clock::today()).is_complete(),
        )
    });
    let out = export(&doc, complete, clock::now());
    // A campaign defined by hand, as the file carries it, is offered on this computer from now on.
    if let Some(c) = &doc.header.campaign {
        crate::ui::web::campaigns::keep(c);
    }
    // A file the importer would refuse is not written: it could be handed in but never read.
    if let Some(why) = crate::domain::file::export::too_large(out.bytes.len()) {
        return Err(format!("没有导出：{why}"));
    }
    Ok(out)
}

fn do_export(session: &SessionHandle) -> Result<String, String> {
    let out = exported(session)?;
    download::save(&out.file_name, &out.bytes, "application/json")?;
    let name = out.file_name.clone();
    session.replace_document(out.document);
    Ok(name)
}

/// 发送给支部: a member's own list exported and handed to the phone's share sheet (WeChat, QQ, mail), or where the
/// browser cannot share files, saved as a download with where it went said.
#[function_component(SendToBranch)]
fn send_to_branch() -> Html {
    let session = use_context::<SessionHandle>().expect("inside an editor");
    let said = use_state(|| None::<Result<String, String>>);
    let send = {
        let (session, said) = (session.clone(), said.clone());
        Callback::from(move |_: MouseEvent| {
            let out = match exported(&session) {
                Ok(out) => out,
                Err(e) => return said.set(Some(Err(e))),
            };
            let name = out.file_name.clone();
            session.replace_document(out.document);
            let said = said.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let title = "党员检视整改问题清单";
                said.set(Some(
                    match crate::ui::web::share::send(&name, &out.bytes, "application/json", title).await {
                        Ok(crate::ui::web::share::Sent::Shared) => {
                            Ok(format!("已发送“{name}”。请确认支部书记收到了这个文件。"))
                        }
                        Ok(crate::ui::web::share::Sent::Cancelled) => {
                            Ok("已取消发送，清单仍保存在本机。".to_string())
                        }
                        Ok(crate::ui::web::share::Sent::Saved) => Ok(format!(
                            "本浏览器不能直接分享文件，已把清单保存为“{name}”，在手机或电脑的“下载”文件夹里。请在微信或QQ聊天中选择“文件”，找到它发给支部书记。"
                        )),
                        Err(e) => Err(e),
                    },
                ));
            });
        })
    };
    html! {
        <div class="send-to-branch">
            <button type="button" class="primary" onclick={send}>{ "发送给支部" }</button>
            <p class="muted">{ "在手机上：打开分享，选微信、QQ或邮件，直接发给支部书记。" }</p>
            { crate::ui::components::said::said(&said) }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    pub id: String,
}

#[function_component(Toolbar)]
pub fn toolbar(props: &ToolbarProps) -> Html {
    let session = use_context::<SessionHandle>().expect("inside an editor");
    let notice = use_state(|| Notice::None);
    let more_open = use_state(|| false);
    let check = {
        let (session, id, notice) = (session.clone(), props.id.clone(), notice.clone());
        Callback::from(move |_: MouseEvent| {
            notice.set(Notice::None);
            session.check_all();
            location::go(&Route::Edit(id.clone(), Step::Check));
        })
    };
    let export_json = {
        let (session, notice) = (session.clone(), notice.clone());
        Callback::from(move |_: MouseEvent| {
            if let Err(e) = writable(&session) {
                notice.set(Notice::Failed(e));
                return;
            }
            let errors = session.read(|s| validate(&s.doc, clock::today()).error_count());
            if errors > 0 {
                notice.set(Notice::ConfirmDraft(errors));
            } else {
                notice.set(match do_export(&session) {
                    Ok(name) => {
                        Notice::Done(format!("已导出“{name}”。这是完整的清单文件，可以报送。"))
                    }
                    Err(e) => Notice::Failed(e),
                });
            }
        })
    };
    let print = {
        let (session, id) = (session.clone(), props.id.clone());
        Callback::from(move |_: MouseEvent| {
            // The preview reads the draft from storage: put the latest keystrokes there first.
            session.flush();
            location::go(&Route::Print(id.clone(), Layout::Table));
        })
    };
    let ledger = {
        let (session, id) = (session.clone(), props.id.clone());
        Callback::from(move |_: MouseEvent| {
            session.flush();
            location::go(&Route::Ledger(id.clone()));
        })
    };
    let shown = match (*notice).clone() {
        Notice::None => html! {},
        Notice::Done(text) => html! { <p class="notice ok" role="status">{ text }</p> },
        Notice::Failed(text) => html! { <p class="notice error" role="alert">{ text }</p> },
        Notice::ConfirmDraft(errors) => {
            let on_confirm = {
                let (session, notice) = (session.clone(), notice.clone());
                Callback::from(move |_| {
                    notice.set(match do_export(&session) {
                        Ok(name) => Notice::Done(format!(
                            "已导出草稿“{name}”。补全错误后请再导出正式文件。"
                        )),
                        Err(e) => Notice::Failed(e),
                    })
                })
            };
            let on_cancel = {
                let notice = notice.clone();
                Callback::from(move |_| notice.set(Notice::None))
            };
            html! {
                <Confirm message={format!("这份清单还有{errors}个错误，还不完整。可以先作为草稿导出（文件名带“-草稿”），补全后再导出正式文件。")}
                    confirm_label="导出草稿" {on_confirm} {on_cancel} />
            }
        }
    };
    // On a phone the toolbar is one row: 检查, 导出JSON and 更多, which shows the rest (`styles/app.css`).
    let more = {
        let open = more_open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    html! {
        <div class="toolbar-wrap">
            <div class="toolbar button-row" role="toolbar" aria-label="整份清单的操作">
                <button type="button" class="primary" onclick={check}>{ "检查" }</button>
                <button type="button" onclick={export_json}>{ "导出JSON" }</button>
                <button type="button" class="more-toggle" aria-expanded={if *more_open { "true" } else { "false" }}
                    onclick={more}>{ "更多" }</button>
                <span class={classes!("toolbar-more", more_open.then_some("open"))}>
                    <button type="button" onclick={print}>{ "打印" }</button>
                    <button type="button" onclick={ledger}>{ "整改台账" }</button>
                    <OfficeExport label="导出Word" request={{
                        let session = session.clone();
                        Callback::from(move |()| Ok(word_request(&session, false)))
                    }} />
                </span>
            </div>
            { shown }
        </div>
    }
}

/// 导出Word of the session's list, as it is now.
fn word_request(session: &SessionHandle, per_member: bool) -> Request {
    session.read(|s| Request::word(s.doc.clone(), clock::today(), per_member))
}

/// 导出Word with, for a member list, the choice of one page per member.
#[function_component(WordExport)]
pub fn word_export() -> Html {
    let session = use_context::<SessionHandle>().expect("inside an editor");
    let per_member = use_state(|| false);
    let member_list = session.read(|s| s.doc.kind == Kind::Member);
    let request = {
        let (session, per_member) = (session.clone(), per_member.clone());
        Callback::from(move |()| Ok(word_request(&session, *per_member && member_list)))
    };
    let toggle = {
        let per_member = per_member.clone();
        Callback::from(move |_: Event| per_member.set(!*per_member))
    };
    html! {
        <div class="button-row word-export">
            <OfficeExport label="导出Word" {request} />
            if member_list {
                <label class="choice" for="word-per-member">
                    <input type="checkbox" id="word-per-member" checked={*per_member} onchange={toggle} />
                    { "每名党员一页（本人签字和支部意见各占一页）" }
                </label>
            }
        </div>
    }
}

/// The last step: what export gives, under what name.
///
/// Plain functions from here on, called by the editor as it renders: they hold no state of their own, and a
/// component costs about 1 KB of wasm of its own.
pub fn export_step(session: &SessionHandle) -> Html {
    let (report, name, personal, campaign) = session.read(|s| {
        let report = validate(&s.doc, clock::today());
        let name = file_name(&s.doc, report.is_complete());
        let campaign = crate::domain::list::campaign::Active::of(&s.doc.header);
        (report, name, s.personal, campaign)
    });
    html! {
        <div class="export-step">
            if report.is_complete() {
                <p class="notice ok">{ format!("清单已完整。点上方的“导出JSON”保存文件，{}。", hand_in_to(personal, &campaign)) }</p>
            } else {
                <p class="notice warning">{ format!("清单还有{}个错误，导出的将是草稿。先到“检查”中逐条修改会更好。", report.error_count()) }</p>
            }
            <p>{ "导出的文件名将是：" }<strong>{ name }</strong></p>
            if personal {
                <SendToBranch />
                <p class="muted">{ "在电脑上：点“导出JSON”，文件保存在浏览器的下载文件夹中，再拷贝或发给支部。" }</p>
            } else {
                <p class="muted">{ "文件保存在浏览器的下载文件夹中。请把它拷贝到U盘或通过内网邮件报送；打印的纸质清单上的校验码可与文件对应。" }</p>
            }
            <h3>{ "Word文档" }</h3>
            <p class="muted">{ "和打印出来的一样：A4横向，表头在每页重复，页脚有页码和校验码。可在Word或WPS中修改格式后打印。" }</p>
            <WordExport />
        </div>
    }
}

/// After a removal: what was removed, and a button to put it back.
pub fn undo_notice(session: &SessionHandle) -> Html {
    let removed = session.read(|s| s.undo.clone());
    let Some(removed) = removed else {
        return html! {};
    };
    let session = session.clone();
    let undo = Callback::from(move |_: MouseEvent| session.undo());
    html! {
        <div class="notice undo" role="status">
            { removed.describe() }
            <button type="button" onclick={undo}>{ "撤销" }</button>
        </div>
    }
}
