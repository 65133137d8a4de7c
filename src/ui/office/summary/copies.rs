//! Lists made on another 党支部's file: a file carrying the id of another 党支部's list, under its own 党支部's
//! name. Counted apart (`domain::consolidate`'s lines) and asked about here: another 党支部's indeed (分开统计,
//! asked no more), or the same 党支部 under a new name (合并为同一党支部, then the newer file supersedes).

use yew::prelude::*;

use super::Made;
use crate::domain::summary_page::Event as Settings;
use crate::ui::shared::Shared;

#[derive(Properties, PartialEq)]
pub struct CopiesProps {
    pub made: Shared<Made>,
    pub on_change: Callback<Settings>,
}

#[function_component(Copies)]
pub fn copies(props: &CopiesProps) -> Html {
    let asked: Vec<(String, String, String, String)> = props
        .made
        .consolidation
        .submissions
        .iter()
        .filter_map(|s| {
            let (copy, doc) = (s.copy_of.as_ref()?, s.document.as_ref()?);
            Some((
                s.file_name.clone(),
                doc.header.org_name.trim().to_string(),
                copy.branch.clone(),
                doc.id.clone(),
            ))
        })
        .collect();
    if asked.is_empty() {
        return html! {};
    }
    html! {
        <section class="copies no-print" aria-labelledby="copies-heading">
            <h2 id="copies-heading">{ "需要核实：清单编号与其他党支部的相同" }</h2>
            <ul>
                { for asked.into_iter().map(|(file, name, owner, line)| {
                    let distinct = props.on_change.reform(move |_: MouseEvent| Settings::Distinct(line.clone()));
                    let join = {
                        let (name, owner) = (name.clone(), owner.clone());
                        props.on_change.reform(move |_: MouseEvent| Settings::Join { name: name.clone(), with: owner.clone() })
                    };
                    html! {
                        <li>
                            <p>{ format!("“{file}”是“{name}”的清单，但它的清单编号与“{owner}”报送的清单相同：多半是{name}用{owner}报送的文件做模板填写的，也可能是{owner}改了名称。现在按两个党支部分开统计，{owner}的清单不受影响。") }</p>
                            <div class="button-row">
                                <button type="button" onclick={distinct} aria-label={format!("{name}是另一个党支部，分开统计")}>{ "是另一个党支部，分开统计" }</button>
                                <button type="button" onclick={join} aria-label={format!("{name}是{owner}改了名称")}>{ format!("是{owner}改了名称") }</button>
                            </div>
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}
