//! A small bar chart of measures by category, drawn as SVG by the app (no chart library, no inline styles:
//! geometry and colours are SVG attributes, which the Content-Security-Policy allows).

use yew::prelude::*;

use crate::domain::ledger::Summary;

#[derive(Properties, PartialEq)]
pub struct ChartProps {
    pub rows: Vec<(String, Summary)>,
}

#[function_component(CategoryChart)]
pub fn category_chart(props: &ChartProps) -> Html {
    let max = props
        .rows
        .iter()
        .map(|(_, s)| s.measures)
        .max()
        .unwrap_or(0)
        .max(1);
    let (label_w, bar_w, row_h) = (170.0, 420.0, 30.0);
    let height = row_h * props.rows.len() as f64 + 30.0;
    let summary: Vec<String> = props
        .rows
        .iter()
        .map(|(c, s)| format!("{c}{}项、已完成{}项", s.measures, s.finished()))
        .collect();
    html! {
        <figure class="chart">
            <svg width="780" height={height.to_string()} viewBox={format!("0 0 780 {height}")} role="img"
                aria-label={format!("各类别整改措施数：{}", summary.join("；"))}>
                { for props.rows.iter().enumerate().map(|(i, (category, s))| {
                    let y = 10.0 + i as f64 * row_h;
                    let total = bar_w * s.measures as f64 / max as f64;
                    let done = bar_w * s.finished() as f64 / max as f64;
                    html! {
                        <g>
                            <text x={(label_w - 8.0).to_string()} y={(y + 15.0).to_string()} text-anchor="end" font-size="13">{ category }</text>
                            <rect x={label_w.to_string()} y={y.to_string()} width={total.to_string()} height="20" fill="#d0d7de" />
                            <rect x={label_w.to_string()} y={y.to_string()} width={done.to_string()} height="20" fill="#1a7f37" />
                            <text x={(label_w + total + 6.0).to_string()} y={(y + 15.0).to_string()} font-size="13">
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
