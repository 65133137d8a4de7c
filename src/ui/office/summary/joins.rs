//! 合并为同一党支部: the office says that two names are one 党支部 (a full name and a short one, an old name and a
//! new one), and can take it back. Kept in the 汇总 set; every figure counts the two as one.

use yew::prelude::*;

use crate::domain::office::branches::{Join, Unit};
use crate::domain::office::summary_page::Event as Settings;
use crate::ui::dom::value_of;

#[derive(Properties, PartialEq)]
pub struct JoinRowProps {
    /// The name to join.
    pub name: AttrValue,
    /// The names it can be joined to.
    pub choices: Vec<String>,
    pub on_change: Callback<Settings>,
}

/// `“<name>”是 [选择] 合并为同一党支部`.
#[function_component(JoinRow)]
pub fn join_row(props: &JoinRowProps) -> Html {
    let chosen = use_state(String::new);
    let id = format!("join-{}", crate::domain::names::key(&props.name));
    let onchange = {
        let chosen = chosen.clone();
        Callback::from(move |e: Event| chosen.set(value_of(e.target())))
    };
    let onclick = {
        let (chosen, name, on_change) = (
            chosen.clone(),
            props.name.to_string(),
            props.on_change.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            if !chosen.is_empty() {
                on_change.emit(Settings::Join {
                    name: name.clone(),
                    with: (*chosen).clone(),
                });
            }
        })
    };
    html! {
        <span class="inline-form join-row">
            <label for={id.clone()}>{ format!("“{}”与", props.name) }</label>
            <select {id} {onchange}>
                <option value="" selected={chosen.is_empty()}>{ "（请选择）" }</option>
                { for props.choices.iter().filter(|n| n.as_str() != props.name.as_str()).map(|n| html! {
                    <option value={n.clone()} selected={*chosen == *n}>{ n }</option>
                }) }
            </select>
            <button type="button" {onclick} disabled={chosen.is_empty()}>{ "合并为同一党支部" }</button>
        </span>
    }
}

#[derive(Properties, PartialEq)]
pub struct JoinsProps {
    pub unit: crate::ui::shared::Shared<Unit>,
    pub joined: Vec<Join>,
    pub on_change: Callback<Settings>,
}

/// The joins made so far (each can be taken back), and a form to join any two 党支部 of the table.
#[function_component(Joins)]
pub fn joins(props: &JoinsProps) -> Html {
    let names: Vec<String> = props.unit.branches.iter().map(|b| b.name.clone()).collect();
    let first = use_state(String::new);
    let onchange = {
        let first = first.clone();
        Callback::from(move |e: Event| first.set(value_of(e.target())))
    };
    html! {
        <details class="joins no-print" open={!props.joined.is_empty()}>
            <summary>{ "合并为同一党支部（同一个党支部在不同清单里写了不同的名称时）" }</summary>
            if !props.joined.is_empty() {
                <ul class="joined">
                    { for props.joined.iter().enumerate().map(|(i, j)| html! {
                        <li>
                            { format!("“{}”按“{}”统计", j.name, j.with) }
                            <button type="button" class="link" onclick={props.on_change.reform(move |_: MouseEvent| Settings::Unjoin(i))}
                                aria-label={format!("撤销合并 {}", j.name)}>{ "撤销合并" }</button>
                        </li>
                    }) }
                </ul>
            }
            <div class="inline-form">
                <label for="join-first">{ "名称" }</label>
                <select id="join-first" {onchange}>
                    <option value="" selected={first.is_empty()}>{ "（请选择）" }</option>
                    { for names.iter().map(|n| html! { <option value={n.clone()} selected={*first == *n}>{ n }</option> }) }
                </select>
                if !first.is_empty() {
                    <JoinRow key={(*first).clone()} name={(*first).clone()} choices={names.clone()} on_change={props.on_change.clone()} />
                }
            </div>
        </details>
    }
}
