//! Redactable audit changes: new events commit to a digest of their sealed
//! changes (chain format v2), so a value another customer's data was redacted
//! from can be re-sealed without breaking the chain.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for mut column in [
            // Hex SHA-256 of the changes as first sealed (v2 events).
            string_len_null("changes_digest", 64),
            // Set when a redaction replaced a value in the changes.
            timestamp_with_time_zone_null("changes_redacted_at"),
        ] {
            let name = column.get_column_name();
            if !manager.has_column("audit_events", &name).await? {
                manager
                    .alter_table(
                        Table::alter()
                            .table("audit_events")
                            .add_column(&mut column)
                            .to_owned(),
                    )
                    .await?;
            }
        }
        Ok(())
    }

    async fn down(&self, _manager: &SchemaManager) -> Result<(), DbErr> {
        Ok(())
    }
}
