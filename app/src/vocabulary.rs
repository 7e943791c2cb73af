//! One way to declare a closed set of names: an enum that is stored as text,
//! sent to the browser, and matched in code, so a misspelt state does not
//! compile. Each gets `ALL`, `as_str`, `parse`, `label` and `Display`; it is
//! serialised by its name and, on the server, stored through sea-orm's
//! `DeriveActiveEnum` as that same name.

/// `vocabulary! { /// doc  pub enum Name { Variant = "stored_name" => "Label", … } }`
macro_rules! vocabulary {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $text:tt => $label:tt ),+ $(,)?
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

            /// How people read it.
            pub fn label(self) -> &'static str {
                match self {
                    $($name::$variant => $label),+
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
    vocabulary! {
        /// A test vocabulary.
        pub enum Colour {
            Red = "red" => "Red",
            DarkBlue = "dark_blue" => "Dark blue",
        }
    }

    #[test]
    fn names_round_trip_through_parse_and_serde() {
        for c in Colour::ALL {
            assert_eq!(Colour::parse(c.as_str()), Some(c));
            let json = serde_json::to_string(&c).unwrap();
            assert_eq!(json, format!("\"{}\"", c.as_str()));
            assert_eq!(serde_json::from_str::<Colour>(&json).unwrap(), c);
        }
        assert_eq!(Colour::parse("green"), None);
        assert_eq!(Colour::DarkBlue.label(), "Dark blue");
        assert_eq!(Colour::DarkBlue.to_string(), "dark_blue");
    }
}
