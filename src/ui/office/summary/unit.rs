//! 全单位汇总: the unit's figures, the chart by category, the report paragraph, and CSV and print.

use chrono::NaiveDate;
use yew::prelude::*;

use super::{chart, Made};
use crate::domain::dates;
use crate::domain::list::model::Kind;
use crate::domain::office::branches::Unit;
use crate::domain::office::summary_set::SummarySet;
use crate::domain::papers::request::Request;
use crate::ui::components::office_export::OfficeExport;
use crate::ui::shared::Shared;
use crate::ui::web::{clipboard, download};

/// A plain function: it holds no state of its own. `set` is what `made` was made of: the Excel file is made
/// from it again in the writers module.
pub fn unit_summary(
    made: &Shared<Made>,
    unit: &Shared<Unit>,
    set: &Shared<SummarySet>,
    today: NaiveDate,
    said: Callback<Result<String, String>>,
) -> Html {
    let c = &made.consolidation;
    let report = unit.report(c, today);
    let export_csv = {
        let (made, unit) = (made.clone(), unit.clone());
        Callback::from(move |_: MouseEvent| {
            let name = format!("汇总台账-{}.csv", dates::compact(today));
            let csv = unit.csv(&made.consolidation, today);
            said.emit(
                download::save(&name, &csv, "text/csv;charset=utf-8")
                    .map(|()| format!("已导出“{name}”。")),
            );
        })
    };
    let print = Callback::from(|_: MouseEvent| {
        let _ = gloo::utils::window().print();
    });
    let copy = {
        let report = report.clone();
        Callback::from(move |_: MouseEvent| clipboard::copy(&report, "unit-report"))
    };
    let mut figures = vec![
        ("党支部", unit.reporting().count().to_string()),
        ("清单", c.lists.len().to_string()),
    ];
    figures.extend(unit.total().figures());
    html! {
        <section class="no-print" aria-labelledby="unit-heading">
            <h2 id="unit-heading">{ "全单位汇总" }</h2>
            <p class="as-of">{ c.as_of_line(&dates::official(today)) }</p>
            <dl class="figures">
                { for figures.into_iter().map(|(k, v)| html! { <div class="figure"><dt>{ k }</dt><dd>{ v }</dd></div> }) }
            </dl>
            { chart::category_chart(Kind::Org.short_name(), &c.by_category_of(Kind::Org, today)) }
            { chart::category_chart(Kind::Member.short_name(), &c.by_category_of(Kind::Member, today)) }
            if !c.registers.is_empty() {
                { other_lists(&crate::domain::papers::ledger_book::other_lists_sheet(c, unit, "")) }
            }
            <div class="report">
                <h3>{ "情况说明" }<span class="no-print">{ "（可复制到总结材料中）" }</span></h3>
                <p id="unit-report">{ &report }</p>
                <button type="button" class="no-print" onclick={copy}>{ "复制这段文字" }</button>
            </div>
            <div class="toolbar button-row no-print">
                <button type="button" onclick={export_csv}>{ "导出CSV" }</button>
                <OfficeExport label="导出Excel" request={{
                    let set = set.clone();
                    Callback::from(move |()| Ok(Request::consolidation((*set).clone(), today)))
                }} />
                <button type="button" onclick={print}>{ "打印" }</button>
            </div>
        </section>
    }
}

/// 调研问题、成果转化和意见建议 by 党支部, as the workbook's sheet has them, 合计 last.
fn other_lists(sheet: &crate::domain::papers::sheet::Sheet) -> Html {
    html! {
        <section aria-labelledby="other-lists-heading">
            <h3 id="other-lists-heading">{ "调研问题、成果转化和意见建议" }</h3>
            <div class="table-scroll">
                <table class="branches">
                    <thead><tr>{ for sheet.columns.iter().map(|c| html! { <th scope="col">{ &c.header }</th> }) }</tr></thead>
                    <tbody>
                        { for sheet.rows.iter().map(|r| html! {
                            <tr>{ for r.cells.iter().map(|c| html! { <td>{ c.shown() }</td> }) }</tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </section>
    }
}
