//! What a table makes, shown the same way for a Word or Excel file (导入表格) and for pasted rows (粘贴表格): each
//! column's field as a choice, what could not be read, and the problems read.

use yew::prelude::*;

use crate::domain::file::table::columns::Field;
use crate::domain::file::table::plan::Plan;
use crate::domain::list::model::{Kind, Problem};

/// The columns of `plan`, each a choice of its field; a change sets `chosen` to every column's field.
pub fn columns_form(plan: &Plan, chosen: &UseStateHandle<Option<Vec<Field>>>) -> Html {
    let fields: Vec<Field> = plan.columns.iter().map(|(_, f)| *f).collect();
    let on_field = |column: usize| {
        let (chosen, fields) = (chosen.clone(), fields.clone());
        Callback::from(move |e: Event| {
            let mut next = fields.clone();
            if let Some(field) = Field::from_slug(&crate::ui::dom::value_of(e.target())) {
                next[column] = field;
                chosen.set(Some(next));
            }
        })
    };
    html! {
        <div class="table-columns">
            { for plan.columns.iter().enumerate().map(|(i, (_, field))| {
                let label = plan.column_label(i);
                html! {
                    <label>
                        <span>{ label.clone() }</span>
                        <select aria-label={label} onchange={on_field(i)}>
                            { for Field::ALL.iter().map(|f| html! {
                                <option value={f.slug()} selected={f == field}>{ f.label() }</option>
                            }) }
                        </select>
                    </label>
                }
            }) }
        </div>
    }
}

/// What was read from where and what the reading put together or left out on purpose, a line each.
pub fn notes_list(plan: &Plan) -> Html {
    if plan.notes.is_empty() {
        return html! {};
    }
    html! {
        <>
            <h3>{ "读取说明" }</h3>
            <ul class="table-notes">{ for plan.notes.iter().map(|n| html! { <li>{ n.clone() }</li> }) }</ul>
        </>
    }
}

/// What could not be read, a line each with its row.
pub fn unread_list(plan: &Plan) -> Html {
    if plan.unread.is_empty() {
        return html! {};
    }
    html! {
        <>
            <h3>{ format!("没有读入的内容（{} 处）", plan.unread.len()) }</h3>
            <ul class="table-unread">{ for plan.unread.iter().map(|u| html! { <li>{ u.clone() }</li> }) }</ul>
        </>
    }
}

/// The problems read, each with its measures' count (the first 30; the rest are counted).
pub fn problems_preview(plan: &Plan) -> Html {
    let doc = &plan.document;
    let rows: Vec<(String, &Problem)> = match doc.kind {
        Kind::Org => doc.problems.iter().map(|p| (String::new(), p)).collect(),
        Kind::Member => doc
            .members
            .iter()
            .flat_map(|m| m.problems.iter().map(move |p| (m.name.clone(), p)))
            .collect(),
    };
    let more = rows.len().saturating_sub(30);
    html! {
        <>
            <ol class="table-problems">
                { for rows.iter().take(30).map(|(who, p)| html! {
                    <li>
                        if !who.is_empty() { <strong>{ format!("{who}：") }</strong> }
                        { if p.category.is_empty() { String::new() } else { format!("【{}】", p.category) } }
                        { p.description.clone() }
                        <span class="muted">{ format!("（{} 项措施）", p.measures.len()) }</span>
                    </li>
                }) }
            </ol>
            if more > 0 { <p class="muted">{ format!("另有 {more} 个问题。") }</p> }
        </>
    }
}
