//! 还有哪些党支部没报: the branches expected, and which of them have not handed in both lists.

use yew::prelude::*;

use crate::domain::consolidate::Consolidation;

/// A plain function: the names live in the set, which the page keeps.
pub fn expected(names: &[String], c: &Consolidation, on_change: Callback<String>) -> Html {
    let missing = c.missing(names);
    let onchange = Callback::from(move |e: Event| {
        use wasm_bindgen::JsCast;
        if let Some(area) = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
        {
            on_change.emit(area.value());
        }
    });
    html! {
        <section class="no-print" aria-labelledby="expected-heading">
            <h2 id="expected-heading">{ "还有哪些党支部没报" }</h2>
            <div class="field wide">
                <label for="expected">{ "应报送的党支部（每行一个，名称与清单中的党组织名称一致）" }</label>
                <textarea id="expected" rows="4" value={names.join("\n")} {onchange} />
            </div>
            if names.is_empty() {
                <p class="muted">{ "填写应报送的党支部名单后，这里会列出还没有报送的党支部。" }</p>
            } else if missing.is_empty() {
                <p class="notice ok">{ "名单上的党支部都已报送党组织清单和党员清单。" }</p>
            } else {
                <ul class="missing">
                    { for missing.iter().map(|(name, org, member)| {
                        let what = match (org, member) { (true, true) => "两份清单都没报", (true, false) => "没报党组织清单", _ => "没报党员清单" };
                        html! { <li>{ format!("{name}：{what}") }</li> }
                    }) }
                </ul>
            }
        </section>
    }
}
