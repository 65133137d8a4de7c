//! A small bar chart of measures by category, drawn as SVG by the app (no chart library, no inline styles:
//! geometry and colours are SVG attributes, which the Content-Security-Policy allows).

use yew::prelude::*;

use crate::domain::ledger::Summary;

/// A plain function, not a component: it holds no state (a component costs about 1 KB of wasm of its own).
/// `list` names the kind of list whose categories these are: the org lists' and the member lists' are drawn apart.
pub fn category_chart(list: &str, rows: &[(String, Summary)]) -> Html {
    if rows.is_empty() {
        return html! {};
    }
    let max = rows
        .iter()
        .map(|(_, s)| s.measures)
        .max()
        .unwrap_or(0)
        .max(1);
    // Whole pixels: the bars need no finer grain, and integers keep float formatting out of the wasm.
    let (label_w, bar_w, row_h) = (170usize, 420usize, 30usize);
    let height = row_h * rows.len() + 30;
    let summary: Vec<String> = rows
        .iter()
        .map(|(c, s)| format!("{c}{}项、已完成{}项", s.measures, s.finished()))
        .collect();
    html! {
        <figure class="chart">
            <p class="chart-title">{ format!("{list}：各类别整改措施") }</p>
            <svg width="780" height={height.to_string()} viewBox={format!("0 0 780 {height}")} role="img"
                aria-label={format!("{list}各类别整改措施数：{}", summary.join("；"))}>
                { for rows.iter().enumerate().map(|(i, (category, s))| {
                    let y = 10 + i * row_h;
                    let total = bar_w * s.measures / max;
                    let done = bar_w * s.finished() / max;
                    html! {
                        <g>
                            <text x={(label_w - 8).to_string()} y={(y + 15).to_string()} text-anchor="end" font-size="13">{ category }</text>
                            <rect x={label_w.to_string()} y={y.to_string()} width={total.to_string()} height="20" fill="#d0d7de" />
                            <rect x={label_w.to_string()} y={y.to_string()} width={done.to_string()} height="20" fill="#1a7f37" />
                            <text x={(label_w + total + 6).to_string()} y={(y + 15).to_string()} font-size="13">
                                { format!("{}项（已完成{}）", s.measures, s.finished()) }
                            </text>
                        </g>
                    }
                }) }
            </svg>
            <figcaption class="muted">{ "灰色：措施总数；绿色：已完成（含阶段性完成并长期坚持）。" }</figcaption>
        </figure>
    }
}
