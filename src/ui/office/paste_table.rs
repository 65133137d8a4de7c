//! 粘贴表格 in step 2: rows copied from Excel, WPS or Word, pasted into a box, shown as what they will add (the same
//! preview as 导入表格), then 添加到清单. The editor that opened it gets what to add (the rows as a list's JSON) through
//! `done`, or "" when the user cancels: the list itself is only ever changed by the editor.

use std::rc::Rc;

use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

use crate::domain::file::table::columns::Field;
use crate::domain::file::table::paste::{plan, Target};
use crate::domain::file::table::{from_tab_separated, Table};
use crate::domain::list::model::Kind;
use crate::ui::office::table_preview::{columns_form, notes_list, problems_preview, unread_list};

#[derive(Properties, PartialEq)]
pub struct PasteTableProps {
    pub target: Target,
    /// Called on 添加到清单 with the rows as a list's JSON (a `Document` with their problems, or members), with ""
    /// on 取消粘贴.
    pub done: js_sys::Function,
}

/// How big a clipboard's HTML may be: a list of 2,000 problems copied from Excel is about 3 MB of it.
const MAX_HTML: usize = 32 * 1024 * 1024;

#[function_component(PasteTable)]
pub fn paste_table(props: &PasteTableProps) -> Html {
    let table = use_state(|| None::<Rc<Table>>);
    let chosen = use_state(|| None::<Vec<Field>>);
    let failed = use_state(|| None::<String>);
    let area = use_node_ref();
    {
        let area = area.clone();
        use_effect_with((), move |_| {
            if let Some(el) = area.cast::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        });
    }
    let onpaste = {
        let (table, chosen, failed) = (table.clone(), chosen.clone(), failed.clone());
        Callback::from(move |e: Event| {
            let html = e
                .dyn_ref::<web_sys::ClipboardEvent>()
                .and_then(|e| e.clipboard_data())
                .and_then(|data| data.get_data("text/html").ok())
                .unwrap_or_default();
            if !html.to_ascii_lowercase().contains("<table") {
                return; // plain text lands in the box and is read as it changes
            }
            e.prevent_default();
            chosen.set(None);
            match read_html(&html) {
                Ok(read) => {
                    failed.set(None);
                    table.set(Some(Rc::new(read)));
                }
                Err(why) => failed.set(Some(why)),
            }
        })
    };
    let oninput = {
        let (table, chosen, failed) = (table.clone(), chosen.clone(), failed.clone());
        Callback::from(move |e: InputEvent| {
            let text = crate::ui::dom::value_of(e.target());
            chosen.set(None);
            failed.set(None);
            table.set((!text.trim().is_empty()).then(|| Rc::new(from_tab_separated(&text))));
        })
    };
    let cancel = {
        let done = props.done.clone();
        Callback::from(move |_: MouseEvent| {
            let _ = done.call1(&JsValue::NULL, &JsValue::from_str(""));
        })
    };
    let (preview, confirm) = match (&*table, &*failed) {
        (_, Some(why)) => (
            html! { <p class="notice error" role="alert">{ why.clone() }</p> },
            html! {},
        ),
        (None, None) => (html! {}, html! {}),
        (Some(read), None) => preview(read, &chosen, &props.target, &props.done),
    };
    html! {
        <section class="table-import paste-table" aria-labelledby="paste-table-heading">
            <h3 id="paste-table-heading">{ "粘贴表格" }</h3>
            <p class="muted">
                { "在Excel、WPS或Word中选中清单的行（可以连同表头一起选）并复制，再点下面的方框，按Ctrl+V粘贴。" }
                { "粘贴的问题和整改措施会加在清单末尾；加入前可以核对每一列。" }
            </p>
            <textarea ref={area} aria-label="粘贴到这里" rows="4" placeholder="在这里按Ctrl+V粘贴"
                {onpaste} {oninput} />
            { preview }
            <div class="actions">
                { confirm }
                <button type="button" onclick={cancel}>{ "取消粘贴" }</button>
            </div>
        </section>
    }
}

/// What the pasted rows will add with their columns to check, and the 添加到清单 button.
fn preview(
    table: &Table,
    chosen: &UseStateHandle<Option<Vec<Field>>>,
    target: &Target,
    done: &js_sys::Function,
) -> (Html, Html) {
    let read = match plan(
        table,
        chosen.as_deref(),
        target,
        &mut crate::ui::web::clock::new_id,
    ) {
        Ok(read) => read,
        Err(e) => {
            return (
                html! { <p class="notice error" role="alert">{ e.message() }</p> },
                html! {},
            )
        }
    };
    let adds = match target.kind {
        _ if read.measures() == 0 => {
            "没有读到整改措施：请核对下面各列对应的内容，或重新复制清单的行。".to_string()
        }
        Kind::Member if read.document.members.iter().all(|m| m.name.is_empty()) => {
            let whom = if target.member.is_empty() {
                "正在填写的党员".to_string()
            } else {
                target.member.clone()
            };
            format!(
                "将给{whom}添加 {} 个问题，{} 项整改措施。",
                read.problems(),
                read.measures()
            )
        }
        Kind::Member => format!(
            "将添加 {} 名党员的 {} 个问题，{} 项整改措施（已有的党员按姓名加在其下）。",
            read.document.members.len(),
            read.problems(),
            read.measures()
        ),
        Kind::Org => format!(
            "将添加 {} 个问题，{} 项整改措施。",
            read.problems(),
            read.measures()
        ),
    };
    let headless = (!read.headed).then(|| {
        html! { <p class="notice warning">{ "粘贴的内容没有表头，各列已按本清单Word表格的顺序对应，请逐列核对。" }</p> }
    });
    let confirm = {
        let (done, rows) = (done.clone(), read.document.clone());
        Callback::from(move |_: MouseEvent| {
            let json = serde_json::to_string(&rows).unwrap_or_default();
            let _ = done.call1(&JsValue::NULL, &JsValue::from_str(&json));
        })
    };
    let body = html! {
        <>
            <p role="status">{ adds }</p>
            { headless.unwrap_or_default() }
            <h4>{ "各列导入为" }</h4>
            { columns_form(&read, chosen) }
            { notes_list(&read) }
            { unread_list(&read) }
            <h4>{ "读到的问题" }</h4>
            { problems_preview(&read) }
        </>
    };
    let button = html! {
        <button type="button" class="primary" disabled={read.measures() == 0} onclick={confirm}>
            { "添加到清单" }
        </button>
    };
    (body, button)
}

/// The first table of the clipboard's HTML (`table::html`), or why not.
fn read_html(html: &str) -> Result<Table, String> {
    if html.len() > MAX_HTML {
        return Err(
            "粘贴的内容太大（超过32MB），没有读入。请分几次复制、粘贴清单的行。".to_string(),
        );
    }
    crate::domain::file::table::html::read(html)
        .ok_or_else(|| "没能读出粘贴的表格。请在Excel或WPS中重新复制清单的行后再粘贴。".to_string())
}
