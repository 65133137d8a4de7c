//! 粘贴表格 in step 2: a button that opens the office module's paste box (`ui::office::paste_table`, loaded then,
//! never at start-up) below it, and applies what it sends back (the rows as a list's JSON) as one undoable step
//! (`Action::Paste`).
//!
//! A function of step 2's render with its state held by step 2, not a component: a component costs about 1 KB of
//! start-up code of its own.

use yew::prelude::*;

use crate::domain::editor::route::Route;
use crate::domain::file::table::paste::Target;
use crate::domain::list::edit::{Action, Pasted};
use crate::domain::list::locate::read_document;
use crate::ui::components::lazy_page::LazyPage;
use crate::ui::session::SessionHandle;
use crate::ui::web::lazy::Page;
use crate::ui::web::location;

/// The paste box shown, if any.
pub type Open = UseStateHandle<Option<Page>>;

/// The 粘贴表格 button and, when open, the box below it. `member`: a member list's member open in step 2, where
/// rows without a 姓名 column go.
pub fn paste_rows(session: &SessionHandle, open: &Open, id: &str, member: Option<&str>) -> Html {
    let toggle = {
        let (session, open) = (session.clone(), open.clone());
        let (id, member) = (id.to_string(), member.map(str::to_string));
        Callback::from(move |_: MouseEvent| {
            if open.is_some() {
                open.set(None);
                return;
            }
            let target = session.read(|s| {
                let into = s
                    .doc
                    .members
                    .iter()
                    .find(|m| Some(&m.id) == member.as_ref());
                Target::of(&s.doc, into)
            });
            let json = serde_json::to_string(&target).unwrap_or_default();
            let done = answered(&session, &open, &id, member.clone());
            open.set(Some(Page::Paste(json, done)));
        })
    };
    html! {
        <>
            <button type="button" class="add" aria-expanded={if open.is_some() { "true" } else { "false" }}
                onclick={toggle}>{ "粘贴表格" }</button>
            if let Some(page) = &**open {
                <LazyPage page={page.clone()} />
            }
        </>
    }
}

/// What the paste box calls: with the rows as a list's JSON on 添加到清单, with "" on 取消粘贴.
fn answered(
    session: &SessionHandle,
    open: &Open,
    id: &str,
    into: Option<String>,
) -> Callback<String> {
    let (session, open, id) = (session.clone(), open.clone(), id.to_string());
    Callback::from(move |json: String| {
        let (session, open, id, into) = (session.clone(), open.clone(), id.clone(), into.clone());
        // A task later: the call comes from inside the office module's click, whose page this closes.
        gloo::timers::callback::Timeout::new(0, move || {
            open.set(None);
            // Read the way every list is: a deserializer of their own would be 40 KB more of start-up code.
            let read = serde_json::from_str::<serde_json::Value>(&json)
                .ok()
                .and_then(|value| read_document(&value).ok());
            let Some(rows) = read else {
                return; // 取消粘贴
            };
            let first = rows.problems.first().map(|p| p.id.clone());
            let pasted = Box::new(Pasted {
                problems: rows.problems,
                members: rows.members,
            });
            // Refused (the list would be too large to hand in): the status line says why.
            if session.step(Action::Paste { pasted, into }).is_err() {
                return;
            }
            if let Some(first) = first {
                location::go(&Route::At(id, first));
            }
        })
        .forget();
    })
}
