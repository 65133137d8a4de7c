//! Changes of a member of a member list: added (with a first problem), 姓名, 职务, 党员类别 and 支部意见.

use super::problems::new_problem;
use super::*;

/// Applies one of the member actions (`change` routes only those here).
pub(super) fn change(doc: &mut Document, action: Action) -> Outcome {
    match action {
        Action::AddMember {
            id,
            problem_id,
            measure_id,
        } => {
            let mut member = Member::new(id);
            // A member list has no problems of its own, so the new problem starts in the first category.
            member
                .problems
                .push(new_problem(doc, None, problem_id, measure_id));
            doc.members.push(member);
            Outcome::Reshaped
        }
        Action::SetMember(id, field, value) => {
            let member = find_member(doc, &id);
            set_text(
                member.map(|m| match field {
                    MemberField::Name => &mut m.name,
                    MemberField::Position => &mut m.position,
                    MemberField::BranchOpinion => &mut m.branch_opinion,
                }),
                value,
            )
        }
        Action::SetMemberType(id, member_type) => match find_member(doc, &id) {
            Some(m) => {
                m.member_type = member_type;
                Outcome::Changed
            }
            None => Outcome::Unchanged,
        },
        _ => Outcome::Unchanged,
    }
}
