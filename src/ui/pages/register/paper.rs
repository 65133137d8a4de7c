//! A register as it prints: the title lines, 填报单位 and 填报日期, its one table (a 调研课题's cell over its
//! problems), the signatures; A4 landscape with the print conventions of the lists (`styles/print.css`).

use yew::prelude::*;

use crate::domain::papers::print::Heading;
use crate::domain::register::model::Register;
use crate::domain::register::table::{columns, rows};
use crate::ui::pages::print::tables::{signatures, title};

pub fn paper(register: &Register, head: &Heading) -> Html {
    let columns = columns(register.kind);
    html! {
        <div class="paper">
            if head.draft {
                <div class="draft-mark" aria-hidden="true">{ "草稿" }</div>
            }
            { title(head, false) }
            <table class="list register">
                <colgroup>
                    { for columns.iter().map(|c| html! { <col class={format!("w-{}", c.width)} /> }) }
                </colgroup>
                <thead>
                    <tr>{ for columns.iter().map(|c| head_cell(c.header)) }</tr>
                </thead>
                <tbody>
                    { for rows(register).into_iter().map(|row| html! {
                        <tr>
                            { for row.cells.into_iter().enumerate().map(|(i, text)| match (i, row.span) {
                                (1, 0) => html! {},
                                (1, span) if span > 1 => html! { <td class="text" rowspan={span.to_string()}>{ text }</td> },
                                (0, _) => html! { <td class="center">{ text }</td> },
                                _ => html! { <td class="text">{ text }</td> },
                            }) }
                        </tr>
                    }) }
                </tbody>
                <tfoot class="page-code">
                    <tr><td colspan={columns.len().to_string()}>{ format!("校验码：{}", head.code) }</td></tr>
                </tfoot>
            </table>
            { signatures(head, false) }
        </div>
    }
}

/// A header cell that may wrap only between its halves (`收集|渠道`), never inside a word, as the lists' heads.
fn head_cell(words: &str) -> Html {
    let chars: Vec<char> = words.chars().collect();
    if chars.len() < 4 {
        return html! { <th>{ words }</th> };
    }
    let (first, second): (String, String) =
        (chars[..2].iter().collect(), chars[2..].iter().collect());
    html! { <th>{ first }<wbr />{ second }</th> }
}
