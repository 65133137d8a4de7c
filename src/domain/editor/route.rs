//! The addresses of the app's pages (`#/…` hashes, so that every page works from `file://` as well as from a
//! server). The address says which draft and which step is open, so a reload brings the user back to where they
//! were. Pure, so native tests read every address back.

use crate::domain::register::model::RegisterKind;

/// The steps of the guided flow of a list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Header,
    Problems,
    Check,
    Export,
}

impl Step {
    pub const ALL: [Step; 4] = [Step::Header, Step::Problems, Step::Check, Step::Export];

    pub fn slug(self) -> &'static str {
        match self {
            Step::Header => "header",
            Step::Problems => "problems",
            Step::Check => "check",
            Step::Export => "export",
        }
    }

    fn from_slug(slug: &str) -> Option<Step> {
        Step::ALL.into_iter().find(|s| s.slug() == slug)
    }

    pub fn next(self) -> Option<Step> {
        Step::ALL
            .iter()
            .position(|s| *s == self)
            .and_then(|i| Step::ALL.get(i + 1).copied())
    }

    /// The step that shows the field of a finding path: the header's fields on 表头信息, the rest on 问题.
    pub fn of_path(path: &str) -> Step {
        if path.starts_with("header.") || path == "id" {
            Step::Header
        } else {
            Step::Problems
        }
    }

    pub fn previous(self) -> Option<Step> {
        Step::ALL
            .iter()
            .position(|s| *s == self)
            .and_then(|i| i.checked_sub(1))
            .map(|i| Step::ALL[i])
    }
}

/// The printed layouts of a list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// The list as one table (for a member list: the branch table of all members).
    Table,
    /// One page per member, with 本人签字 and 支部意见 (member lists).
    PerMember,
    /// 空白表: the same table with empty rows, to fill in by hand.
    Blank,
}

impl Layout {
    pub const ALL: [Layout; 3] = [Layout::Table, Layout::PerMember, Layout::Blank];

    pub fn slug(self) -> &'static str {
        match self {
            Layout::Table => "table",
            Layout::PerMember => "members",
            Layout::Blank => "blank",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Layout> {
        Layout::ALL.into_iter().find(|l| l.slug() == slug)
    }

    pub fn label(self) -> &'static str {
        match self {
            Layout::Table => "清单表格",
            Layout::PerMember => "每名党员一页",
            Layout::Blank => "空白表",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// 首页
    Home,
    /// A draft being filled in, at a step.
    Edit(String, Step),
    /// A draft's step 2 at one part of it: a member of a member list, or the page of an org list that holds a
    /// problem (the id of a member, problem or measure). A reload comes back to it.
    At(String, String),
    /// 打印: the print preview of a draft in a layout.
    Print(String, Layout),
    /// 整改台账 of a draft.
    Ledger(String),
    /// A stored 调研问题清单, 成果转化清单 or 意见建议台账 (`domain::register`), by its id.
    Register(String),
    /// A new register of a kind: made when its page opens, which then stands at the register's own address.
    NewRegister(crate::domain::register::model::RegisterKind),
    /// 汇总; with the document id of one received list, that list opened as a view of its own (its 审核 panel).
    Consolidate(Option<String>),
    /// Makes the app panic, so the end-to-end tests can see the panic screen (`#/selftest/panic`). Only in the
    /// self-test build (feature `selftest`): what users get has no such switch.
    #[cfg(feature = "selftest")]
    SelfTestPanic,
    /// An address the app does not know: shown as such, with a way home.
    NotFound(String),
}

impl Route {
    /// Where a finding of draft `doc` leads: the header's step, or on step 2 the part of the list that holds the
    /// field (the member, or the page of problems), named by the id that owns the field.
    pub fn for_finding(doc: &str, path: &str) -> Route {
        let owner = path.split('.').next().unwrap_or(path);
        match Step::of_path(path) {
            Step::Problems if path.contains('.') => Route::At(doc.to_string(), owner.to_string()),
            step => Route::Edit(doc.to_string(), step),
        }
    }

    /// Reads a `location.hash` such as `#/edit/<id>/problems`.
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let parts: Vec<&str> = path.split('/').collect();
        match parts.as_slice() {
            [""] => Route::Home,
            ["summary"] => Route::Consolidate(None),
            ["summary", "list", id] if !id.is_empty() => Route::Consolidate(Some(id.to_string())),
            #[cfg(feature = "selftest")]
            ["selftest", "panic"] => Route::SelfTestPanic,
            ["print", id, layout] if !id.is_empty() => match Layout::from_slug(layout) {
                Some(layout) => Route::Print(id.to_string(), layout),
                None => Route::NotFound(path.to_string()),
            },
            ["ledger", id] if !id.is_empty() => Route::Ledger(id.to_string()),
            ["register", "new", kind] => match RegisterKind::of_code(kind) {
                Some(kind) => Route::NewRegister(kind),
                None => Route::NotFound(path.to_string()),
            },
            ["register", id] if !id.is_empty() => Route::Register(id.to_string()),
            ["edit", id] if !id.is_empty() => Route::Edit(id.to_string(), Step::Header),
            ["edit", id, "at", anchor] if !id.is_empty() && !anchor.is_empty() => {
                Route::At(id.to_string(), anchor.to_string())
            }
            ["edit", id, step] if !id.is_empty() => match Step::from_slug(step) {
                Some(step) => Route::Edit(id.to_string(), step),
                None => Route::NotFound(path.to_string()),
            },
            _ => Route::NotFound(path.to_string()),
        }
    }

    /// The hash that leads to this route.
    pub fn hash(&self) -> String {
        match self {
            Route::Home => "#/".to_string(),
            Route::Edit(id, step) => format!("#/edit/{id}/{}", step.slug()),
            Route::At(id, anchor) => format!("#/edit/{id}/at/{anchor}"),
            Route::Print(id, layout) => format!("#/print/{id}/{}", layout.slug()),
            Route::Ledger(id) => format!("#/ledger/{id}"),
            Route::Register(id) => format!("#/register/{id}"),
            Route::NewRegister(kind) => format!("#/register/new/{}", kind.code()),
            Route::Consolidate(None) => "#/summary".to_string(),
            Route::Consolidate(Some(id)) => format!("#/summary/list/{id}"),
            #[cfg(feature = "selftest")]
            Route::SelfTestPanic => "#/selftest/panic".to_string(),
            Route::NotFound(path) => format!("#/{path}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_read_back_what_they_write() {
        for route in [
            Route::Home,
            Route::Edit("abc".into(), Step::Header),
            Route::Edit("abc".into(), Step::Check),
            Route::At("abc".into(), "member-1".into()),
            Route::Print("abc".into(), Layout::PerMember),
            Route::Ledger("abc".into()),
            Route::Register("abc".into()),
            Route::NewRegister(RegisterKind::Opinions),
            Route::Consolidate(None),
            Route::Consolidate(Some("list-1".into())),
        ] {
            assert_eq!(Route::parse(&route.hash()), route);
        }
        assert_eq!(Route::parse(""), Route::Home);
        assert_eq!(
            Route::parse("#/edit/abc"),
            Route::Edit("abc".into(), Step::Header)
        );
        assert_eq!(Route::parse("#/nowhere"), Route::NotFound("nowhere".into()));
        assert_eq!(
            Route::parse("#/edit/abc/nowhere"),
            Route::NotFound("edit/abc/nowhere".into())
        );
    }

    #[test]
    fn the_panic_switch_is_only_in_the_self_test_build() {
        let route = Route::parse("#/selftest/panic");
        #[cfg(not(feature = "selftest"))]
        assert_eq!(route, Route::NotFound("selftest/panic".into()));
        #[cfg(feature = "selftest")]
        assert_eq!(route, Route::SelfTestPanic);
    }

    #[test]
    fn a_finding_leads_to_the_step_that_shows_its_field() {
        assert_eq!(Step::of_path("header.org_name"), Step::Header);
        assert_eq!(Step::of_path("id"), Step::Header);
        assert_eq!(Step::of_path("m-1.lead"), Step::Problems);
        assert_eq!(Step::of_path("problems"), Step::Problems);
    }

    #[test]
    fn a_finding_of_a_field_in_a_big_list_leads_to_the_part_that_holds_it() {
        assert_eq!(
            Route::for_finding("d", "m-7.content"),
            Route::At("d".into(), "m-7".into())
        );
        assert_eq!(
            Route::for_finding("d", "m-7.updates[0].date"),
            Route::At("d".into(), "m-7".into())
        );
        assert_eq!(
            Route::for_finding("d", "header.org_name"),
            Route::Edit("d".into(), Step::Header)
        );
        assert_eq!(
            Route::for_finding("d", "members"),
            Route::Edit("d".into(), Step::Problems)
        );
    }

    #[test]
    fn steps_go_forward_and_back_and_stop_at_the_ends() {
        assert_eq!(Step::Header.next(), Some(Step::Problems));
        assert_eq!(Step::Export.next(), None);
        assert_eq!(Step::Header.previous(), None);
        assert_eq!(Step::Export.previous(), Some(Step::Check));
    }
}
