//! 党员名单: every member of a branch's member list as a link, with where they stand (未交, N个错误, 完成) and whether
//! the branch wrote its 支部意见. The member a link names opens alone beside it; the address names them, so a
//! reload comes back. Re-rendered whenever the list is re-checked (it listens to the status).

use yew::prelude::*;

use crate::domain::editor::route::Route;
use crate::domain::list::outline::{member_rows, not_handed_in_text, MemberState};
use crate::ui::session::{SessionHandle, Status};
use crate::ui::web::{clipboard, location};

#[derive(Properties, PartialEq)]
pub struct MemberIndexProps {
    pub id: AttrValue,
    /// The member shown now.
    pub open: AttrValue,
    /// Changes whenever members were added, removed or moved.
    pub shape: u64,
}

#[function_component(MemberIndex)]
pub fn member_index(props: &MemberIndexProps) -> Html {
    let session = use_context::<SessionHandle>().expect("inside an editor");
    let status = use_state(Status::default);
    {
        let status = status.clone();
        use_effect_with(session.clone(), move |session| {
            let setter = status.setter();
            let (now, subscription) = session.listen_status(Callback::from(move |s| setter.set(s)));
            status.set(now);
            move || drop(subscription)
        });
    }
    let rows = session.read(|s| member_rows(&s.doc, &s.report));
    let handed_in = rows
        .iter()
        .filter(|r| r.state != MemberState::NotHandedIn)
        .count();
    let missing = rows.len() - handed_in;
    let copied = use_state(|| false);
    let missing_names = not_handed_in_text(&rows);
    let copy = missing_names.clone().map(|text| {
        let copied = copied.clone();
        Callback::from(move |_: MouseEvent| {
            clipboard::copy(&text, "not-handed-in");
            copied.set(true);
        })
    });
    html! {
        <nav class="member-index" aria-label="党员名单">
            <p class="muted">
                { format!("共{}名党员，已交{}名，", rows.len(), handed_in) }
                <strong class={if missing > 0 { "warn-count" } else { "" }}>{ format!("未交{missing}名") }</strong>{ "。" }
            </p>
            if let (Some(copy), Some(names)) = (copy, missing_names) {
                <p class="copy-missing">
                    <span id="not-handed-in" class="names">{ names }</span>
                    <button type="button" class="small" onclick={copy}>{ "复制未交名单" }</button>
                    if *copied { <span class="muted" role="status">{ " 已复制。" }</span> }
                </p>
            }
            <ol>
                { for rows.iter().map(|r| {
                    let route = Route::At(props.id.to_string(), r.id.clone());
                    let current = (r.id == props.open.as_str()).then_some("page");
                    let go = {
                        let route = route.clone();
                        Callback::from(move |e: MouseEvent| {
                            e.prevent_default();
                            location::go(&route);
                        })
                    };
                    let state_class = match r.state {
                        MemberState::NotHandedIn => "state missing",
                        MemberState::Errors(_) => "state draft",
                        MemberState::Complete => "state ok",
                    };
                    html! {
                        <li key={r.id.clone()} class={classes!(current.map(|_| "current"))}>
                            <a href={route.hash()} aria-current={current} onclick={go}>
                                <span class="name">{ &r.name }</span>
                                <span class={state_class}>{ r.state.label() }</span>
                                <span class="opinion-state">{ if r.opinion { "支部意见已填" } else { "支部意见未填" } }</span>
                            </a>
                        </li>
                    }
                }) }
            </ol>
        </nav>
    }
}
