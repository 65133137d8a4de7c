//! 还有哪些党支部没报: the 应报送名单 (its order is the 各党支部 table's), which 党支部 on it have not handed in
//! both lists, and which 党支部 hand in under a name the list does not have — each offered to join to a name on it.

use yew::prelude::*;

use super::joins::JoinRow;
use crate::domain::office::branches::Unit;
use crate::domain::office::consolidate::Consolidation;
use crate::domain::office::summary_page::Event as Settings;
use crate::ui::components::commit_field::CommitField;

/// A plain function: the names live in the set, which the page keeps.
pub fn expected(
    names: &[String],
    c: &Consolidation,
    unit: &Unit,
    on_change: Callback<Settings>,
) -> Html {
    let missing: Vec<_> = unit.missing(c).collect();
    let unlisted: Vec<_> = unit.unlisted().collect();
    let on_commit = on_change.reform(Settings::Expected);
    html! {
        <section class="no-print" aria-labelledby="expected-heading">
            <h2 id="expected-heading">{ "还有哪些党支部没报" }</h2>
            <div class="field wide">
                <label for="expected">{ "应报送的党支部（每行一个；空格、全角半角不同也算同一名称）" }</label>
                <CommitField id="expected" rows={4} value={names.join("\n")} {on_commit} />
            </div>
            if names.is_empty() {
                <p class="muted">{ "填写应报送的党支部名单后，这里会列出还没有报送的党支部；各党支部表也按名单的顺序排列。" }</p>
            } else if missing.is_empty() {
                <p class="notice ok">{ "名单上的党支部都已报送党组织清单和党员清单。" }</p>
            } else {
                <ul class="missing">
                    { for missing.iter().map(|(b, what)| html! { <li>{ format!("{}：{what}", b.name) }</li> }) }
                </ul>
            }
            if !unlisted.is_empty() {
                <h3>{ "不在应报送名单上的名称" }</h3>
                <p class="muted">{ "这些名称来自收到的清单，名单上没有。如果它是名单上某个党支部的另一种写法（例如全称和简称），选出是哪一个并合并。" }</p>
                <ul class="unlisted">
                    { for unlisted.iter().map(|b| html! { <li><JoinRow name={b.name.clone()} choices={names.to_vec()} on_change={on_change.clone()} /></li> }) }
                </ul>
            }
        </section>
    }
}
