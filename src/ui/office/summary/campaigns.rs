//! 汇总哪个活动: when the files received are lists of more than one 活动, which one is consolidated. Lists of two
//! campaigns are never added up; the other's files stay, set aside, until the office chooses it.

use yew::prelude::*;

use super::Made;
use crate::ui::shared::Shared;

/// The choice, shown only when the files hold more than one 活动; `on_choose` gets the chosen one's key. Its
/// place is an element always there: a choice that appears later is put where it belongs, not at the page's end.
pub fn choice(made: &Shared<Made>, on_choose: Callback<String>) -> Html {
    let c = &made.consolidation;
    if c.campaigns.len() < 2 {
        return html! { <div class="campaign-split-slot"></div> };
    }
    html! {
        <div class="campaign-split-slot">
        <fieldset class="campaign-split no-print">
            <legend>{ "汇总哪个活动" }</legend>
            <p class="hint">{ "收到的清单属于不同的活动，不同活动的清单不相加：每次汇总一个活动，其他活动的文件保留在“收到的文件”中。" }</p>
            { for c.campaigns.iter().map(|share| {
                let key = share.key.clone();
                let chosen = c.campaign.as_deref() == Some(key.as_str());
                let onchange = {
                    let (on_choose, key) = (on_choose.clone(), key.clone());
                    Callback::from(move |_: Event| on_choose.emit(key.clone()))
                };
                html! {
                    <label class="choice">
                        <input type="radio" name="campaign-split" checked={chosen} {onchange} />
                        { format!("{}（{}份清单）", share.name, share.files) }
                    </label>
                }
            }) }
        </fieldset>
        </div>
    }
}
