//! Delivers queued mail over SMTP with `lettre`, retrying with backoff.
//! Logs carry mail ids and outcomes only, never addresses or content.
use crate::config::{Settings, SmtpTls};
use crate::error::{Context as _, StartError};
use ::app::server::{mail, AppState};
use lettre::{
    message::{header::ContentType, Mailbox},
    transport::smtp::authentication::Credentials,
    AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor,
};
use std::time::Duration;

/// A configured SMTP sender.
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl Mailer {
    /// The sender for these settings, or `None` when no SMTP host is configured.
    pub fn from_settings(settings: &Settings) -> Result<Option<Mailer>, StartError> {
        let Some(host) = &settings.smtp_host else {
            return Ok(None);
        };
        let builder = match settings.smtp_tls {
            SmtpTls::Starttls => AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(host),
            SmtpTls::Tls => AsyncSmtpTransport::<Tokio1Executor>::relay(host),
            SmtpTls::None => Ok(AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(
                host,
            )),
        }
        .context("CUSTODIAN_SMTP_HOST")?;
        let mut builder = builder
            .port(settings.smtp_port)
            .timeout(Some(Duration::from_secs(20)));
        if let (Some(user), Some(password)) = (&settings.smtp_username, settings.smtp_password()?) {
            builder = builder.credentials(Credentials::new(user.clone(), password));
        }
        let from: Mailbox = settings.mail_from.parse().context("CUSTODIAN_MAIL_FROM")?;
        Ok(Some(Mailer {
            transport: builder.build(),
            from,
        }))
    }

    async fn send(&self, to: &str, content: &mail::MailContent) -> Result<(), String> {
        let to: Mailbox = to
            .parse()
            .map_err(|_| "invalid recipient address".to_owned())?;
        let message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(content.subject.clone())
            .header(ContentType::TEXT_PLAIN)
            .body(content.body.clone())
            .map_err(|_| "message could not be built".to_owned())?;
        self.transport
            .send(message)
            .await
            .map(|_| ())
            .map_err(|e| match e.status() {
                Some(code) => format!("smtp status {code}"),
                None if e.is_transient() => "transient smtp error".to_owned(),
                None => "smtp connection error".to_owned(),
            })
    }
}

/// Sends every due mail once; returns how many were attempted.
pub async fn deliver_due(state: &AppState, mailer: &Mailer) -> Result<u32, String> {
    let mut attempted = 0;
    while let Some(item) = mail::claim_due(&state.db, chrono::Utc::now())
        .await
        .map_err(|e| e.chain())?
    {
        attempted += 1;
        let key = match item.subject_id {
            Some(subject) => state.vault.key(subject).await.map_err(|e| e.chain())?,
            None => None,
        };
        let result = match key.as_ref().and_then(|k| mail::open(k, &item)) {
            Some(content) => mailer.send(&item.to_address, &content).await,
            // The recipient was erased: there is nothing left to send.
            None => Err("recipient erased; not sent".to_owned()),
        };
        match &result {
            Ok(()) => tracing::info!(mail = %item.id, "mail sent"),
            Err(category) => {
                tracing::warn!(mail = %item.id, attempt = item.attempts + 1, error = %category, "mail not sent")
            }
        }
        mail::record_attempt(&state.db, &item, result)
            .await
            .map_err(|e| e.chain())?;
    }
    Ok(attempted)
}

/// How often the sender looks for due mail: a sign-up's or a reset's mail
/// leaves within about a second (one indexed query when there is none).
const POLL: Duration = Duration::from_secs(1);

/// The background sender: every second, deliver what is due.
pub async fn run(state: AppState, mailer: Mailer) {
    loop {
        if crate::transfer::moved_away(&state).await {
            continue;
        }
        if let Err(e) = deliver_due(&state, &mailer).await {
            tracing::error!(error = %e, "mail sender failed");
        }
        tokio::time::sleep(POLL).await;
    }
}
