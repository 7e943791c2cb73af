//! One way to declare a closed set of names: an enum that is stored as text,
//! sent to the browser, and matched in code, so a misspelt state does not
//! compile. Each gets `ALL`, `as_str`, `parse`, `label` and `Display`; it is
//! serialised by its name and, on the server, stored through sea-orm's
//! `DeriveActiveEnum` as that same name.

/// `vocabulary! { /// doc  pub enum Name { Variant = "stored_name", … } }`
macro_rules! vocabulary {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $text:tt ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(
            Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord,
            serde::Serialize, serde::Deserialize,
        )]
        #[cfg_attr(feature = "ssr", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
        #[cfg_attr(feature = "ssr", sea_orm(rs_type = "String", db_type = "Text"))]
        pub enum $name {
            $(
                $(#[$vmeta])*
                #[serde(rename = $text)]
                #[cfg_attr(feature = "ssr", sea_orm(string_value = $text))]
                $variant,
            )+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: [$name; [$($name::$variant),+].len()] = [$($name::$variant),+];

            /// The stored (and serialised) name.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text),+
                }
            }

            /// The value with this stored name, if there is one.
            pub fn parse(s: &str) -> Option<$name> {
                Self::ALL.into_iter().find(|v| v.as_str() == s)
            }

            /// How people read it, in their language (the stored name if
            /// the label were missing, which the vocabulary test forbids).
            pub fn label(self, tr: $crate::i18n::Tr) -> &'static str {
                match self {
                    $($name::$variant => $crate::i18n::vocabulary::$name::index($text)
                        .map(|i| tr.text(i))
                        .unwrap_or($text)),+
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use crate::i18n::{Lang, Tr};
    use crate::model::RequestStatus;

    #[test]
    fn names_round_trip_through_parse_and_serde() {
        for c in RequestStatus::ALL {
            assert_eq!(RequestStatus::parse(c.as_str()), Some(c));
            let json = serde_json::to_string(&c).unwrap();
            assert_eq!(json, format!("\"{}\"", c.as_str()));
            assert_eq!(serde_json::from_str::<RequestStatus>(&json).unwrap(), c);
        }
        assert_eq!(RequestStatus::parse("green"), None);
        assert_eq!(RequestStatus::InReview.label(Tr(Lang::En)), "In review");
        assert_eq!(RequestStatus::InReview.to_string(), "in_review");
    }
}

#[cfg(test)]
mod labels {
    use crate::{
        fields::{Access, FieldScope, FieldType},
        i18n::{Lang, Tr},
        model::*,
    };

    /// Every value of every closed set has a label in every language.
    macro_rules! assert_labelled {
        ($($set:ident),+) => {
            for lang in Lang::ALL {
                $(for value in $set::ALL {
                    let name = format!("{}-{}", stringify!($set), value.as_str());
                    assert!(
                        crate::i18n::vocabulary::$set::index(value.as_str()).is_some_and(|i| !Tr(lang).text(i).is_empty()),
                        "{name} has no label in {lang:?}"
                    );
                })+
            }
        };
    }

    #[test]
    fn every_value_has_a_label_in_every_language() {
        assert_labelled!(
            FieldType,
            FieldScope,
            Access,
            Role,
            AuditAction,
            ExportKind,
            ExportStatus,
            MailStatus,
            RequestKind,
            RequestStatus,
            TicketsPolicy,
            JobScope,
            JobStatus,
            ErasureStep,
            MentionKind,
            TicketStatus,
            RegisterKind,
            RegisterOutcome,
            Permission,
            Sharing,
            QueueView,
            TicketSort
        );
        assert_eq!(Role::Admin.label(Tr(Lang::De)), "Admin");
        assert_eq!(TicketStatus::Open.label(Tr(Lang::Fr)), "Ouvert");
    }
}
