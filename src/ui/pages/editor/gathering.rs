//! The secretary's tools in a branch's member list: 批量添加党员 (the roster, by name), and 收集党员清单 (members'
//! own files, several at once or dropped): the plan is shown with its questions, made again as each question is
//! answered (a skipped member changes what the ones after it do), and made once more against the list as it is
//! when 确认收集 is pressed, then applied as one step, which the editor's core saves at once. What each file does
//! is decided by `domain::gather`; this part reads files and shows the answers.

use std::rc::Rc;

use yew::prelude::*;

use crate::domain::list::edit::{Action, Outcome};
use crate::domain::list::gather::{plan, roster_names, Choice, Incoming, Plan};
use crate::ui::components::drop_zone::drop_zone;
use crate::ui::dom::value_of;
use crate::ui::session::SessionHandle;
use crate::ui::web::{clock, files};

/// What the tools say after a step.
#[derive(Clone, PartialEq)]
enum Said {
    None,
    Done(String),
    Failed(String),
}

impl Said {
    fn show(&self) -> Html {
        match self {
            Said::None => html! {},
            Said::Done(t) => html! { <p class="notice ok" role="status">{ t }</p> },
            Said::Failed(t) => html! { <p class="notice error" role="alert">{ t }</p> },
        }
    }
}

/// The files chosen and the plan made of them with the answers so far.
type Planned = Option<(Rc<Vec<Incoming>>, Plan)>;

#[function_component(GatherTools)]
pub fn gather_tools() -> Html {
    let session = use_context::<SessionHandle>().expect("inside an editor");
    let planned = use_state(|| None as Planned);
    let reading = use_state(|| false);
    let said = use_state(|| Said::None);
    let take_files = {
        let (session, planned, reading, said) = (
            session.clone(),
            planned.clone(),
            reading.clone(),
            said.clone(),
        );
        Callback::from(move |list: Vec<web_sys::File>| {
            if list.is_empty() {
                return;
            }
            reading.set(true);
            said.set(Said::None);
            let (session, planned, reading) = (session.clone(), planned.clone(), reading.clone());
            files::read_all(
                list,
                |_, _| {},
                move |read| {
                    let incoming: Vec<Incoming> = read
                        .into_iter()
                        .map(|(name, bytes)| Incoming { name, bytes })
                        .collect();
                    let p = session.read(|s| plan(&s.doc, &incoming, &[], &mut clock::new_id));
                    reading.set(false);
                    planned.set(Some((Rc::new(incoming), p)));
                },
            );
        })
    };
    let on_said = {
        let said = said.clone();
        Callback::from(move |s: Said| said.set(s))
    };
    html! {
        <section class="gather-tools" aria-labelledby="gather-heading">
            <h3 id="gather-heading">{ "收集党员交来的清单" }</h3>
            { drop_zone("收集党员清单", "选择党员导出的个人清单文件（可一次选多个），也可以把文件拖到这里。", take_files) }
            if *reading {
                <p class="muted" role="status">{ "正在读取文件……" }</p>
            }
            if let Some((incoming, p)) = (*planned).clone() {
                <GatherPlan {incoming} plan={p} planned={planned.clone()} on_said={on_said.clone()} />
            }
            <RosterForm on_said={on_said} />
            { said.show() }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct GatherPlanProps {
    incoming: Rc<Vec<Incoming>>,
    plan: Plan,
    planned: UseStateHandle<Planned>,
    on_said: Callback<Said>,
}

/// 收集前请确认: what each file would do, the questions, 确认收集 and 取消.
#[function_component(GatherPlan)]
fn gather_plan(props: &GatherPlanProps) -> Html {
    let session = use_context::<SessionHandle>().expect("inside an editor");
    let p = &props.plan;
    let confirm = {
        let (session, planned, on_said) = (
            session.clone(),
            props.planned.clone(),
            props.on_said.clone(),
        );
        let (incoming, answers) = (props.incoming.clone(), p.answers.clone());
        Callback::from(move |_: MouseEvent| {
            // Made again against the list as it is now: a change made while the plan was shown is kept.
            let p = session.read(|s| plan(&s.doc, &incoming, &answers, &mut clock::new_id));
            // A gathering that changed the list is said by the undo notice, with 撤销 beside it.
            on_said.emit(match session.step(Action::Gather(Box::new(p))) {
                Err(refused) => {
                    Said::Failed(format!("没有收集，名单没有变化：{}", refused.message()))
                }
                Ok(Outcome::Unchanged) => Said::Done("没有收集到新的内容，名单没有变化。".into()),
                Ok(_) => Said::None,
            });
            planned.set(None);
        })
    };
    let cancel = {
        let (planned, on_said) = (props.planned.clone(), props.on_said.clone());
        Callback::from(move |_: MouseEvent| {
            planned.set(None);
            on_said.emit(Said::Done("已取消收集，名单没有变化。".into()));
        })
    };
    let choose = |item: usize, choice: Choice| {
        let (planned, session, incoming) = (
            props.planned.clone(),
            session.clone(),
            props.incoming.clone(),
        );
        let mut answers = p.answers.clone();
        answers[item] = choice;
        // The items after this one are planned again with it.
        Callback::from(move |_: Event| {
            let p = session.read(|s| plan(&s.doc, &incoming, &answers, &mut clock::new_id));
            planned.set(Some((incoming.clone(), p)));
        })
    };
    html! {
        <div class="gather-plan" role="group" aria-label="收集前请确认">
            <h4>{ format!("收集前请确认（{}个文件中的{}项）", p.file_count(), p.items.len()) }</h4>
            <ul class="plan-items">
                { for p.items.iter().enumerate().map(|(i, item)| html! {
                    <li class={classes!("plan-item", item.asks().then_some("asks"))}>
                        <p>{ format!("{}（{}）：{}", item.name, item.file, item.verdict.text()) }</p>
                        if item.asks() {
                            <fieldset class="choices">
                                <legend>{ item.question() }</legend>
                                { for item.choices().into_iter().enumerate().map(|(n, (choice, words))| {
                                    let id = format!("gather-{i}-{n}");
                                    html! {
                                        <label class="choice" for={id.clone()}>
                                            <input type="radio" {id} name={format!("gather-{i}")}
                                                checked={p.answers[i] == choice} onchange={choose(i, choice)} />
                                            { words }
                                        </label>
                                    }
                                }) }
                            </fieldset>
                        }
                    </li>
                }) }
            </ul>
            <div class="button-row">
                <button type="button" class="primary" onclick={confirm}>{ "确认收集" }</button>
                <button type="button" onclick={cancel}>{ "取消" }</button>
            </div>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct RosterProps {
    on_said: Callback<Said>,
}

/// 批量添加党员: one name a line.
#[function_component(RosterForm)]
fn roster_form(props: &RosterProps) -> Html {
    let session = use_context::<SessionHandle>().expect("inside an editor");
    let roster = use_state(String::new);
    let add = {
        let (session, roster, on_said) = (session.clone(), roster.clone(), props.on_said.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (new, there) = session.read(|s| roster_names(&s.doc, &roster));
            let count = new.len();
            session.edit(Action::AddRoster(
                new.into_iter().map(|n| (clock::new_id(), n)).collect(),
            ));
            let mut text = format!("已添加{count}名党员到名单（尚未交清单的显示为“未交”）。");
            if !there.is_empty() {
                text.push_str(&format!("{}已在名单中，没有重复添加。", there.join("、")));
            }
            roster.set(String::new());
            on_said.emit(if count == 0 && there.is_empty() {
                Said::Failed("请在框中每行写一个姓名。".into())
            } else {
                Said::Done(text)
            });
        })
    };
    let typed = {
        let roster = roster.clone();
        Callback::from(move |e: InputEvent| roster.set(value_of(e.target())))
    };
    html! {
        <form class="roster" onsubmit={add}>
            <div class="field wide">
                <label for="roster-names">{ "批量添加党员" }</label>
                <textarea id="roster-names" rows="3" value={(*roster).clone()} oninput={typed}
                    aria-describedby="roster-hint" />
                <p id="roster-hint" class="hint">{ "每行一个姓名。先把全支部党员列进名单，交来清单时自动对上；没交的显示“未交”。" }</p>
            </div>
            <button type="submit">{ "添加到名单" }</button>
        </form>
    }
}
