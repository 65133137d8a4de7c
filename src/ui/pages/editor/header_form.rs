//! 表头信息: who files the list, when, and the categories it uses.

use yew::prelude::*;

use super::ShapeProps;

use crate::domain::codes::{code, from_code};
use crate::domain::labels::field_label;
use crate::domain::list::campaign::{self, Active, CampaignField};
use crate::domain::list::edit::{Action, HeaderField, Preset};
use crate::domain::list::model::{Batch, Campaign};
use crate::domain::list::required::is_required;
use crate::ui::components::choice::{coded_options, Select};
use crate::ui::components::field::TextField;
use crate::ui::components::findings::{messages, use_findings};
use crate::ui::dom;
use crate::ui::session::SessionHandle;
use crate::ui::web::campaigns;

#[function_component(HeaderForm)]
pub fn header_form(_: &ShapeProps) -> Html {
    let session = use_context::<SessionHandle>().expect("inside an editor");
    let (header, kind, personal) = session.read(|s| (s.doc.header.clone(), s.doc.kind, s.personal));
    let label = |key: &'static str| match key {
        "filed_by" if personal => "填报人（本人姓名）",
        "org_name" if personal => "党组织名称（所在党支部）",
        _ => field_label(key),
    };
    let text = |key: &'static str,
                field: HeaderField,
                value: &str,
                input_type: Option<&'static str>| {
        let session = session.clone();
        let on_input = Callback::from(move |v: String| {
            session.edit(Action::SetHeader(field, v));
        });
        html! {
            <TextField path={format!("header.{key}")} label={label(key)} value={value.to_string()}
                required={is_required(kind, key)} input_type={input_type.map(AttrValue::from)} {on_input} />
        }
    };
    let batch = {
        let session = session.clone();
        Callback::from(move |v: String| {
            session.edit(Action::SetBatch(from_code::<Batch>(&v)));
        })
    };
    let batch_value = header.batch.map(|b| code(&b)).unwrap_or_default();
    let active = Active::of(&header);
    if personal {
        // A member's own list asks the member's own fields only: the branch's (上级党组织, 批次, 审核人, the
        // categories) are the branch's to fill in — unless the campaign publishes no categories and the member
        // has none of their own yet: then the member names them, or could not file a problem.
        return html! {
            <div class="form-grid">
                { text("org_name", HeaderField::OrgName, &header.org_name, None) }
                { text("filed_by", HeaderField::FiledBy, &header.filed_by, None) }
                { text("filed_on", HeaderField::FiledOn, &header.filed_on, Some("date")) }
                <CampaignChoice campaign={header.campaign.clone()} />
                if header.categories.is_empty() {
                    <Categories categories={header.categories.clone()} legacy={active.legacy} />
                }
            </div>
        };
    }
    html! {
        <div class="form-grid">
            { text("org_name", HeaderField::OrgName, &header.org_name, None) }
            { text("parent_org", HeaderField::ParentOrg, &header.parent_org, None) }
            <CampaignChoice campaign={header.campaign.clone()} />
            if !active.batches.is_empty() {
                <Select path="header.batch" label={field_label("batch")} selected={batch_value}
                    options={coded_options(&[Batch::First, Batch::Second], Batch::label, Some("（未填）"))}
                    on_change={batch} />
            }
            { text("filed_on", HeaderField::FiledOn, &header.filed_on, Some("date")) }
            { text("filed_by", HeaderField::FiledBy, &header.filed_by, None) }
            { text("phone", HeaderField::Phone, &header.phone, Some("tel")) }
            { text("reviewer", HeaderField::Reviewer, &header.reviewer, None) }
            <Categories categories={header.categories.clone()} legacy={active.legacy} />
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct CampaignProps {
    campaign: Option<Campaign>,
}

/// 活动: the presets, this computer's own, or one defined here (名称, 开始日期, 结束日期); with its period said.
#[function_component(CampaignChoice)]
fn campaign_choice(props: &CampaignProps) -> Html {
    let session = use_context::<SessionHandle>().expect("inside an editor");
    let (options, at) = campaign::options(&campaigns::kept(), &props.campaign);
    let on_change = {
        let (session, options) = (session.clone(), options.clone());
        Callback::from(move |v: String| {
            if let Some((_, c)) = v.parse::<usize>().ok().and_then(|i| options.get(i)) {
                campaigns::chose(c);
                session.edit(Action::SetCampaign(c.clone()));
            }
        })
    };
    let active = Active::of_campaign(props.campaign.as_ref());
    let field = |key: &'static str,
                 label: &'static str,
                 f: CampaignField,
                 value: &str,
                 date: bool| {
        let session = session.clone();
        let on_input = Callback::from(move |v: String| {
            session.edit(Action::SetCampaignField(f, v));
            if let Some(c) = session.read(|s| s.doc.header.campaign.clone()) {
                campaigns::typed(&c);
            }
        });
        html! {
            <TextField path={format!("header.campaign.{key}")} label={label} value={value.to_string()}
                required={key == "name"} input_type={date.then_some(AttrValue::from("date"))} {on_input} />
        }
    };
    let custom = props
        .campaign
        .as_ref()
        .filter(|c| c.preset == campaign::CUSTOM);
    html! {
        <>
            <div class="field-group campaign">
                <Select path="header.campaign" label={field_label("campaign")} selected={AttrValue::from(at.to_string())}
                    options={options.iter().enumerate().map(|(i, (label, _))| (AttrValue::from(i.to_string()), AttrValue::from(label.clone()))).collect::<Vec<_>>()}
                    {on_change} />
                if custom.is_none() {
                    <p class="hint">{ active.period_text().map(|p| format!("活动期间：{p}。打印的标题是《{}》。", active.title(crate::domain::list::model::Kind::Org))).unwrap_or_default() }</p>
                }
            </div>
            if let Some(c) = custom {
                { field("name", "活动名称", CampaignField::Name, &c.name, false) }
                { field("start", "活动开始日期", CampaignField::Start, &c.start, true) }
                { field("end", "活动结束日期（可不填）", CampaignField::End, &c.end, true) }
            }
        </>
    }
}

#[derive(Properties, PartialEq)]
struct CategoriesProps {
    categories: Vec<String>,
    /// The 2023 主题教育: its 六个方面 and 四个方面 are offered as they always were.
    legacy: bool,
}

/// The categories in use: a preset (六个方面 / 四个方面) plus the branch's own.
#[function_component(Categories)]
fn categories(props: &CategoriesProps) -> Html {
    let session = use_context::<SessionHandle>().expect("inside an editor");
    let findings = use_findings("header.categories");
    let new_name = use_state(String::new);
    let preset = |p: Preset| {
        let session = session.clone();
        Callback::from(move |_: MouseEvent| {
            session.edit(Action::UsePreset(p));
        })
    };
    let add = {
        let (session, new_name) = (session.clone(), new_name.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            session.edit(Action::AddCategory((*new_name).clone()));
            new_name.set(String::new());
        })
    };
    let typed = {
        let new_name = new_name.clone();
        Callback::from(move |e: InputEvent| {
            use wasm_bindgen::JsCast;
            if let Some(input) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            {
                new_name.set(input.value());
            }
        })
    };
    html! {
        <fieldset id={dom::field_id("header.categories")} class="field wide categories" aria-describedby={dom::message_id("header.categories")}>
            <legend>{ "本清单使用的类别" }</legend>
            <div class="button-row">
                <button type="button" onclick={preset(Preset::SixAspects)}>{ if props.legacy { "使用“六个方面”" } else { "使用主题教育的“六个方面”" } }</button>
                <button type="button" onclick={preset(Preset::FourAspects)}>{ if props.legacy { "使用“四个方面”" } else { "使用主题教育的“四个方面”" } }</button>
            </div>
            <ul class="category-list">
                { for props.categories.iter().map(|c| {
                    let remove = {
                        let (session, c) = (session.clone(), c.clone());
                        Callback::from(move |_: MouseEvent| {
                            session.edit(Action::RemoveCategory(c.clone()));
                        })
                    };
                    html! {
                        <li key={c.clone()}>
                            <span>{ c }</span>
                            <button type="button" class="small" onclick={remove} aria-label={format!("去掉类别“{c}”")}>{ "去掉" }</button>
                        </li>
                    }
                }) }
            </ul>
            <form class="inline-form" onsubmit={add}>
                <label for="new-category">{ "自定义类别名称" }</label>
                <input id="new-category" type="text" value={(*new_name).clone()} oninput={typed} />
                <button type="submit">{ "添加类别" }</button>
            </form>
            { messages("header.categories", &findings) }
        </fieldset>
    }
}
