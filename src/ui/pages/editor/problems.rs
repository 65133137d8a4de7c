//! Step 2: the problems of an org list, a page at a time; the members of a branch's member list, one at a time
//! beside their index, with the secretary's roster and gathering; or a member's own problems.
//!
//! Only a part of a big list is on the page at once (a 2,000-problem list would otherwise be a million elements,
//! and a 40-member list 600 measures): which part is named by the address (`Route::At`), so a reload, a link of
//! 检查结果 or the index lands on it.

use std::rc::Rc;

use yew::prelude::*;

use super::gathering::GatherTools;
use super::member_card::MemberCard;
use super::member_index::MemberIndex;
use super::paste::{paste_rows, Open};
use super::problem_card::ProblemCard;
use crate::domain::editor::route::Route;
use crate::domain::editor::Model as State;
use crate::domain::list::edit::Action;
use crate::domain::list::model::{Document, Kind};
use crate::domain::list::outline::{
    category_counts, drawn_first, member_of, page_of, problem_of, PROBLEMS_PER_PAGE,
};
use crate::domain::office::paging::Pages;
use crate::ui::dom;
use crate::ui::session::SessionHandle;
use crate::ui::web::{clock, location};

#[derive(Properties, PartialEq)]
pub struct ProblemsProps {
    pub id: AttrValue,
    /// Changes whenever something was added, removed or moved.
    pub shape: u64,
    /// The member, problem or measure whose part to show (from the address).
    #[prop_or_default]
    pub focus: Option<AttrValue>,
}

#[function_component(Problems)]
pub fn problems(props: &ProblemsProps) -> Html {
    let session = use_context::<SessionHandle>().expect("inside an editor");
    // The problem the address names, and so the page shown (an org list's; 0 for a member list).
    let focused = session.read(|s| props.focus.as_deref().and_then(|f| problem_of(&s.doc, f)));
    let page = focused.map_or(0, page_of);
    // The page whose later problems may be drawn: each page's a task after its first ones (`drawn_first`).
    let rest_of = use_state(|| None::<usize>);
    {
        let rest_of = rest_of.clone();
        use_effect_with(page, move |&page| {
            let timer = gloo::timers::callback::Timeout::new(0, move || rest_of.set(Some(page)));
            move || drop(timer)
        });
    }
    let rest = *rest_of == Some(page);
    let pasting = use_state(|| None);
    {
        // The box adds its rows under the member it was opened for: opening another member closes it.
        let open_id = session.read(|s| {
            (s.doc.kind == Kind::Member && !s.personal)
                .then(|| s.doc.members.get(open_member(&s.doc, props)))
                .flatten()
                .map(|m| m.id.clone())
        });
        let pasting = pasting.clone();
        use_effect_with(open_id, move |_| {
            if pasting.is_some() {
                pasting.set(None);
            }
        });
    }
    session.read(|s| match s.doc.kind {
        Kind::Org => org_problems(&session, s, props, (page, focused), rest, &pasting),
        Kind::Member if s.personal => own_problems(&session, s, props, &pasting),
        Kind::Member => members(&session, s, props, &pasting),
    })
}

/// Page `page` of an org list's problems (`focused`: the one the address names); its later ones only with `rest`.
fn org_problems(
    session: &SessionHandle,
    s: &State,
    props: &ProblemsProps,
    (page, focused): (usize, Option<usize>),
    rest: bool,
    pasting: &Open,
) -> Html {
    let problems = &s.doc.problems;
    let count = problems.len();
    let pages = Pages::new(count, PROBLEMS_PER_PAGE);
    let categories = Rc::new(s.doc.header.categories.clone());
    let add = {
        let (session, doc_id) = (session.clone(), props.id.to_string());
        Callback::from(move |_: MouseEvent| {
            let id = clock::new_id();
            session.edit(Action::AddProblem {
                member: None,
                id: id.clone(),
                measure_id: clock::new_id(),
            });
            location::go(&Route::At(doc_id.clone(), id));
        })
    };
    let go = |to: usize| {
        let target = problems.get(to * PROBLEMS_PER_PAGE).map(|p| p.id.clone());
        let doc_id = props.id.to_string();
        Callback::from(move |_: MouseEvent| {
            if let Some(t) = &target {
                location::go(&Route::At(doc_id.clone(), t.clone()));
            }
        })
    };
    let pager = (pages.count() > 1).then(|| {
        html! {
            <nav class="pager" aria-label="问题分页">
                <button type="button" disabled={page == 0} onclick={go(page.saturating_sub(1))}>{ "上一页" }</button>
                <span role="status">{ pages.label_of(page, "个问题", "个") }</span>
                <button type="button" disabled={page + 1 >= pages.count()} onclick={go(page + 1)}>{ "下一页" }</button>
            </nav>
        }
    });
    let rows = pages.rows(page);
    let first = rows.start + drawn_first(&s.doc, page, focused);
    let cards = |range: std::ops::Range<usize>| -> Html {
        problems[range.clone()]
            .iter()
            .zip(range)
            .map(|(p, i)| {
                html! {
                    <ProblemCard key={p.id.clone()} problem={p.clone()} index={i} {count} kind={Kind::Org}
                        categories={categories.clone()} />
                }
            })
            .collect()
    };
    html! {
        <>
            <p class="muted category-summary">{ "各类别的问题数：" }{ category_counts(&s.doc) }</p>
            if count == 0 {
                <p class="muted">{ "还没有问题。点“添加问题”开始；每个问题下至少要有一项整改措施。" }</p>
            }
            { pager.clone().unwrap_or_default() }
            { cards(rows.start..first) }
            if rest { { cards(first..rows.end) } }
            { pager.unwrap_or_default() }
            <button type="button" id={dom::field_id("problems")} class="add" onclick={add}>{ "添加问题" }</button>
            { paste_rows(session, pasting, &props.id, None) }
        </>
    }
}

/// A member's own list: that member alone, without the branch's tools.
fn own_problems(session: &SessionHandle, s: &State, props: &ProblemsProps, pasting: &Open) -> Html {
    let categories = Rc::new(s.doc.header.categories.clone());
    let own = s.doc.members.first().map(|m| m.id.as_str());
    html! {
        <>
            { for s.doc.members.iter().enumerate().map(|(i, m)| html! {
                <MemberCard key={m.id.clone()} member={m.clone()} index={i} count={s.doc.members.len()}
                    categories={categories.clone()} own=true />
            }) }
            { paste_rows(session, pasting, &props.id, own) }
        </>
    }
}

/// The member step 2 shows: the one the address names, else the first.
fn open_member(doc: &Document, props: &ProblemsProps) -> usize {
    props
        .focus
        .as_deref()
        .and_then(|f| member_of(doc, f))
        .unwrap_or(0)
}

/// A branch's member list: the roster and gathering, the index, and the member it names.
fn members(session: &SessionHandle, s: &State, props: &ProblemsProps, pasting: &Open) -> Html {
    let count = s.doc.members.len();
    let open = open_member(&s.doc, props);
    let categories = Rc::new(s.doc.header.categories.clone());
    let add = {
        let (session, doc_id) = (session.clone(), props.id.to_string());
        Callback::from(move |_: MouseEvent| {
            let id = clock::new_id();
            session.edit(Action::AddMember {
                id: id.clone(),
                problem_id: clock::new_id(),
                measure_id: clock::new_id(),
            });
            location::go(&Route::At(doc_id.clone(), id));
        })
    };
    let member = s.doc.members.get(open);
    html! {
        <>
            <GatherTools />
            if count == 0 {
                <p class="muted">{ "名单里还没有党员。可以先“批量添加党员”，再“收集党员清单”；也可以点“添加党员”直接录入。" }</p>
            }
            <div class="members-layout">
                if count > 0 {
                    <MemberIndex id={props.id.clone()} open={member.map(|m| m.id.clone()).unwrap_or_default()} shape={props.shape} />
                }
                <div class="member-open">
                    if let Some(m) = member {
                        <MemberCard key={m.id.clone()} member={m.clone()} index={open} {count} categories={categories.clone()} />
                    }
                    <button type="button" id={dom::field_id("members")} class="add" onclick={add}>{ "添加党员" }</button>
                    { paste_rows(session, pasting, &props.id, member.map(|m| m.id.as_str())) }
                </div>
            </div>
        </>
    }
}
