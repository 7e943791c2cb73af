//! Erasure: durable erasure jobs with their recorded steps, legal holds,
//! message redaction, erased users' pseudonyms, request extensions and the
//! portal's settings.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

async fn add_column(
    manager: &SchemaManager<'_>,
    table: &str,
    column: ColumnDef,
) -> Result<(), DbErr> {
    let mut column = column;
    let name = column.get_column_name();
    if manager.has_column(table, &name).await? {
        return Ok(());
    }
    manager
        .alter_table(
            Table::alter()
                .table(Alias::new(table))
                .add_column(&mut column)
                .to_owned(),
        )
        .await
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // An erased customer's row stays as a tombstone with a pseudonym, so
        // anonymised tickets keep a stable, non-identifying owner.
        add_column(manager, "users", timestamp_with_time_zone_null("erased_at")).await?;
        add_column(manager, "users", string_len_null("pseudonym", 64)).await?;
        // Months added to the due date (at most two, GDPR Art. 12(3)).
        add_column(
            manager,
            "privacy_requests",
            integer("extended_months").default(0).to_owned(),
        )
        .await?;
        // The final check of an erasure, as JSON without personal data.
        add_column(manager, "privacy_requests", text_null("verification")).await?;
        add_column(
            manager,
            "messages",
            timestamp_with_time_zone_null("redacted_at"),
        )
        .await?;
        add_column(manager, "messages", uuid_null("redacted_by")).await?;
        manager
            .create_table(
                Table::create()
                    .table("legal_holds")
                    .if_not_exists()
                    .col(pk_uuid("id"))
                    .col(uuid("subject_id"))
                    // Sealed under the subject's key.
                    .col(blob("reason"))
                    .col(uuid("placed_by"))
                    .col(timestamp_with_time_zone("placed_at"))
                    .col(timestamp_with_time_zone_null("until"))
                    .col(timestamp_with_time_zone_null("lifted_at"))
                    .col(uuid_null("lifted_by"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .if_not_exists()
                    .name("idx_legal_holds_subject")
                    .table("legal_holds")
                    .col("subject_id")
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("erasure_jobs")
                    .if_not_exists()
                    .col(pk_uuid("id"))
                    .col(uuid_null("request_id"))
                    .col(uuid("subject_id"))
                    // `customer`: everything of one customer; `ticket`: one ticket.
                    .col(string_len("scope", 16))
                    .col(uuid_null("ticket_id"))
                    // `delete` or `anonymise`, fixed when the job is created.
                    .col(string_len("tickets_policy", 16))
                    // queued, running, completed, needs_attention
                    .col(string_len("status", 24))
                    .col(timestamp_with_time_zone("lease_until"))
                    .col(integer("attempts"))
                    // What the final check looks for, sealed under the job's own
                    // key in the key store (destroyed when the job ends).
                    .col(blob_null("identifiers"))
                    .col(uuid_null("notice_mail_id"))
                    .col(uuid_null("requested_by"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone_null("finished_at"))
                    .col(string_len_null("last_error", 500))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .if_not_exists()
                    .name("idx_erasure_jobs_status")
                    .table("erasure_jobs")
                    .col("status")
                    .col("lease_until")
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("erasure_steps")
                    .if_not_exists()
                    .col(uuid("job_id"))
                    .col(string_len("step", 32))
                    .col(timestamp_with_time_zone("completed_at"))
                    // Counts, as JSON; never personal data.
                    .col(text("detail"))
                    .primary_key(Index::create().col("job_id").col("step"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("settings")
                    .if_not_exists()
                    .col(string_len("key", 64).primary_key())
                    .col(text("value"))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in ["settings", "erasure_steps", "erasure_jobs", "legal_holds"] {
            manager
                .drop_table(Table::drop().table(Alias::new(table)).to_owned())
                .await?;
        }
        Ok(())
    }
}
