//! The start page's part for the campaign's other lists: 新建调研问题清单, 新建成果转化清单, 新建意见建议台账, and the
//! registers kept on this computer. Read from storage without the registers' types (`register::stored::listed`),
//! so that the start-up module carries none of them: the register's own page is in the ledger's module.

use yew::prelude::*;

use crate::domain::editor::route::Route;
use crate::domain::register::model::RegisterKind;
use crate::ui::web::{clock, location, storage};

/// The three 新建 buttons.
pub fn new_buttons() -> Html {
    let new = |kind: RegisterKind| {
        Callback::from(move |_: MouseEvent| location::go(&Route::NewRegister(kind)))
    };
    html! {
        <div class="button-row">
            { for RegisterKind::ALL.into_iter().map(|kind| html! {
                <button type="button" onclick={new(kind)}>{ format!("新建{}", kind.title()) }</button>
            }) }
        </div>
    }
}

/// The registers kept on this computer, newest first, each with 打开 and 删除 (`delete` asks first), read from
/// storage as the page renders: a plain function, since a component of its own costs kilobytes at start-up.
pub fn section(delete: Callback<(String, String)>) -> Html {
    let listed = storage::registers();
    if listed.is_empty() {
        return html! {};
    }
    let rows = listed.iter().map(|r| {
        let org = r.org_name.trim();
        let name = format!("{}（{}）", r.kind.title(), if org.is_empty() { "未填单位" } else { org });
        let id = r.id.clone();
        let open = Callback::from(move |_: MouseEvent| location::go(&Route::Register(id.clone())));
        let delete = {
            let (delete, id, name) = (delete.clone(), r.id.clone(), name.clone());
            Callback::from(move |_: MouseEvent| delete.emit((id.clone(), name.clone())))
        };
        html! {
            <tr key={r.id.clone()}>
                <th scope="row">{ &name }</th>
                <td>{ format!("{}条", r.items) }</td>
                <td>{ clock::local_time_text(&r.saved_at) }</td>
                <td class="actions">
                    <button type="button" onclick={open} aria-label={format!("打开 {name}")}>{ "打开" }</button>
                    <button type="button" onclick={delete} aria-label={format!("删除 {name}")}>{ "删除" }</button>
                </td>
            </tr>
        }
    });
    html! {
        <section aria-labelledby="registers-heading">
            <h2 id="registers-heading">{ "调研问题、成果转化和意见建议" }</h2>
            <table class="drafts">
                <thead><tr><th scope="col">{ "清单" }</th><th scope="col">{ "条目" }</th><th scope="col">{ "最后保存" }</th><th scope="col">{ "操作" }</th></tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
        </section>
    }
}
