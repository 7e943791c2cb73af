//! Argon2id password hashing with the `argon2` crate's defaults (m=19 MiB, t=2, p=1),
//! on a fixed pool of threads, one per core. Each pool thread keeps its own
//! 19 MiB of Argon2 memory and reuses it, so a burst of sign-ins from many
//! addresses neither runs unbounded hashes at once nor leaves freed memory
//! behind in per-thread allocator arenas; a request that cannot get a thread
//! within `QUEUE_DEADLINE` is told the server is busy.
use super::ServiceError;
use crate::error::AppError;
use argon2::{
    password_hash::{rand_core::OsRng, Output, ParamsString, SaltString},
    Algorithm, Argon2, Block, Params, Version,
};
use std::{
    sync::{
        atomic::{AtomicUsize, Ordering},
        mpsc, Mutex, OnceLock,
    },
    time::Duration,
};
use tokio::sync::{oneshot, Semaphore};

/// How long a password check waits for a pool thread before "busy, try again".
pub const QUEUE_DEADLINE: Duration = Duration::from_secs(10);

/// A PHC-format Argon2id hash. Never printed, never serialised.
#[derive(Clone)]
pub struct PasswordHash(String);

impl std::fmt::Debug for PasswordHash {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PasswordHash([redacted])")
    }
}

impl PasswordHash {
    pub fn from_stored(s: String) -> Self {
        PasswordHash(s)
    }

    pub fn as_stored(&self) -> &str {
        &self.0
    }
}

type Job = Box<dyn FnOnce(&mut [Block]) + Send>;

/// The pool: its threads, and one permit per thread for the work queued to it.
struct Pool {
    jobs: Mutex<mpsc::Sender<Job>>,
    permits: Semaphore,
    size: usize,
}

static RUNNING: AtomicUsize = AtomicUsize::new(0);
static MOST_RUNNING: AtomicUsize = AtomicUsize::new(0);

fn pool() -> &'static Pool {
    static POOL: OnceLock<Pool> = OnceLock::new();
    POOL.get_or_init(|| {
        let size = std::thread::available_parallelism().map_or(2, |n| n.get());
        let (tx, rx) = mpsc::channel::<Job>();
        let rx = std::sync::Arc::new(Mutex::new(rx));
        for i in 0..size {
            let rx = rx.clone();
            let spawned = std::thread::Builder::new()
                .name(format!("argon2-{i}"))
                .spawn(move || {
                    let mut memory = vec![Block::default(); Params::DEFAULT_M_COST as usize];
                    loop {
                        let job = match rx.lock() {
                            Ok(rx) => rx.recv(),
                            Err(_) => return,
                        };
                        match job {
                            Ok(job) => job(&mut memory),
                            Err(_) => return,
                        }
                    }
                });
            if let Err(e) = spawned {
                tracing::error!(error = %e, "could not start a password hashing thread");
            }
        }
        Pool {
            jobs: Mutex::new(tx),
            permits: Semaphore::new(size),
            size,
        }
    })
}

/// How many hashes may run at once (the pool's threads).
pub fn pool_size() -> usize {
    pool().size
}

/// The most hashes that ever ran at the same time in this process.
pub fn most_running() -> usize {
    MOST_RUNNING.load(Ordering::SeqCst)
}

/// Runs `work` on a pool thread with its Argon2 memory, waiting at most `deadline` for one.
async fn on_pool<T: Send + 'static>(
    deadline: Duration,
    work: impl FnOnce(&mut [Block]) -> T + Send + 'static,
) -> Result<T, ServiceError> {
    let pool = pool();
    let _permit = match tokio::time::timeout(deadline, pool.permits.acquire()).await {
        Ok(Ok(permit)) => permit,
        Ok(Err(_)) => return Err(ServiceError::invariant("the password pool is closed")),
        Err(_) => return Err(AppError::Busy.into()),
    };
    let (reply, answer) = oneshot::channel();
    let job: Job = Box::new(move |memory: &mut [Block]| {
        let running = RUNNING.fetch_add(1, Ordering::SeqCst) + 1;
        MOST_RUNNING.fetch_max(running, Ordering::SeqCst);
        let result = work(memory);
        RUNNING.fetch_sub(1, Ordering::SeqCst);
        let _ = reply.send(result);
    });
    pool.jobs
        .lock()
        .map_err(|_| ServiceError::invariant("the password pool lock is poisoned"))?
        .send(job)
        .map_err(|_| ServiceError::invariant("the password pool has stopped"))?;
    answer
        .await
        .map_err(|_| ServiceError::invariant("a password hashing thread stopped"))
}

fn argon2(params: Params) -> Argon2<'static> {
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// Argon2's own errors carry no cause: their text is all there is.
fn failed(what: &str, e: impl std::fmt::Display) -> ServiceError {
    ServiceError::invariant(format!("{what}: {e}"))
}

/// Hashes a new password (PHC string, the crate's default parameters).
pub async fn hash(password: String) -> Result<PasswordHash, ServiceError> {
    hash_within(password, QUEUE_DEADLINE).await
}

async fn hash_within(password: String, deadline: Duration) -> Result<PasswordHash, ServiceError> {
    on_pool(deadline, move |memory| phc(&password, memory)).await?
}

fn phc(password: &str, memory: &mut [Block]) -> Result<PasswordHash, ServiceError> {
    let params = Params::default();
    let salt = SaltString::generate(&mut OsRng);
    let mut salt_bytes = [0u8; 64];
    let salt_raw = salt
        .as_salt()
        .decode_b64(&mut salt_bytes)
        .map_err(|e| failed("salt", e))?;
    let mut out = [0u8; Params::DEFAULT_OUTPUT_LEN];
    argon2(params.clone())
        .hash_password_into_with_memory(
            password.as_bytes(),
            salt_raw,
            &mut out,
            &mut memory[..params.block_count()],
        )
        .map_err(|e| failed("hashing failed", e))?;
    let phc = argon2::password_hash::PasswordHash {
        algorithm: Algorithm::Argon2id.ident(),
        version: Some(Version::V0x13.into()),
        params: ParamsString::try_from(&params).map_err(|e| failed("parameters", e))?,
        salt: Some(salt.as_salt()),
        hash: Some(Output::new(&out).map_err(|e| failed("output", e))?),
    };
    Ok(PasswordHash(phc.to_string()))
}

/// Checks a password. With `None` it still spends the same effort against a
/// dummy hash, so a missing account cannot be told apart by timing.
pub async fn verify(password: String, stored: Option<PasswordHash>) -> Result<bool, ServiceError> {
    let exists = stored.is_some();
    let stored = match stored {
        Some(h) => h.0,
        None => dummy_hash().await?.to_owned(),
    };
    let ok = on_pool(QUEUE_DEADLINE, move |memory| {
        matches(&password, &stored, memory)
    })
    .await??;
    Ok(exists && ok)
}

fn matches(password: &str, stored: &str, memory: &mut [Block]) -> Result<bool, ServiceError> {
    let phc = argon2::password_hash::PasswordHash::new(stored)
        .map_err(|e| failed("stored hash unreadable", e))?;
    let params = Params::try_from(&phc).map_err(|e| failed("stored hash parameters", e))?;
    let (Some(salt), Some(expected)) = (phc.salt, phc.hash) else {
        return Err(ServiceError::invariant(
            "stored hash has no salt or no hash",
        ));
    };
    let mut salt_bytes = [0u8; 64];
    let salt_raw = salt
        .decode_b64(&mut salt_bytes)
        .map_err(|e| failed("stored salt", e))?;
    let mut out = vec![0u8; expected.len()];
    // Stored hashes with more memory than the default get their own buffer.
    let mut own = Vec::new();
    let blocks = if params.block_count() <= memory.len() {
        &mut memory[..params.block_count()]
    } else {
        own.resize(params.block_count(), Block::default());
        &mut own[..]
    };
    argon2(params)
        .hash_password_into_with_memory(password.as_bytes(), salt_raw, &mut out, blocks)
        .map_err(|e| failed("verifying failed", e))?;
    let computed = Output::new(&out).map_err(|e| failed("output", e))?;
    // `Output`'s equality is constant-time.
    Ok(computed == expected)
}

async fn dummy_hash() -> Result<&'static str, ServiceError> {
    static DUMMY: tokio::sync::OnceCell<String> = tokio::sync::OnceCell::const_new();
    DUMMY
        .get_or_try_init(|| async {
            hash("no account has this password".to_owned())
                .await
                .map(|h| h.0)
        })
        .await
        .map(String::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn hashes_are_argon2id_and_verify() {
        let h = hash("correct horse".into()).await.unwrap();
        assert!(h.as_stored().starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
        assert!(verify("correct horse".into(), Some(h.clone()))
            .await
            .unwrap());
        assert!(!verify("wrong horse".into(), Some(h.clone())).await.unwrap());
        assert!(!verify("correct horse".into(), None).await.unwrap());
        assert_eq!(format!("{h:?}"), "PasswordHash([redacted])");
        // Hashes made by the crate's own API (every stored one so far) still verify.
        use argon2::password_hash::PasswordHasher;
        let salt = SaltString::generate(&mut OsRng);
        let old = Argon2::default()
            .hash_password(b"an older hash", &salt)
            .unwrap()
            .to_string();
        assert!(verify("an older hash".into(), Some(PasswordHash(old)))
            .await
            .unwrap());
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn a_burst_runs_at_most_one_hash_per_pool_thread() {
        let burst: Vec<_> = (0..16)
            .map(|i| tokio::spawn(hash(format!("password number {i}"))))
            .collect();
        for h in burst {
            h.await.unwrap().unwrap();
        }
        assert!(most_running() >= 1);
        assert!(
            most_running() <= pool_size(),
            "{} hashes ran at once on a pool of {}",
            most_running(),
            pool_size()
        );
    }

    #[tokio::test]
    async fn a_full_pool_answers_busy_instead_of_queueing_forever() {
        let pool = pool();
        let held = pool.permits.acquire_many(pool.size as u32).await.unwrap();
        let answer = hash_within("x".repeat(12), Duration::ZERO).await;
        assert!(matches!(answer, Err(ServiceError::User(AppError::Busy))));
        drop(held);
        assert!(hash_within("x".repeat(12), QUEUE_DEADLINE).await.is_ok());
    }
}

/// Refuses a new password that is easy to guess, saying why in words: common
/// passwords (`password`, `12345678`), keyboard runs, dates, repeats, and the
/// person's own name or address (`about_them`). Uses zxcvbn's estimate and
/// asks for score 3 ("safely unguessable": about 10^8 guesses or more).
/// Server-only: its dictionaries would double the browser bundle.
pub fn check_strength(password: &str, field: &str, about_them: &[&str]) -> Result<(), AppError> {
    // "ada.lovelace@example.org" also as "ada", "lovelace": zxcvbn matches whole words.
    let mut words: Vec<&str> = about_them.to_vec();
    for text in about_them {
        words.extend(
            text.split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.chars().count() >= 3),
        );
    }
    let estimate = zxcvbn::zxcvbn(password, &words);
    if estimate.score() >= zxcvbn::Score::Three {
        return Ok(());
    }
    let tr = crate::server::context::tr();
    let mut message = String::from(tr.server_password_too_easy());
    if let Some(feedback) = estimate.feedback() {
        if let Some(warning) = feedback.warning() {
            message.push(' ');
            message.push_str(warning_text(tr, warning));
        }
        for suggestion in feedback.suggestions() {
            message.push(' ');
            message.push_str(suggestion_text(tr, *suggestion));
        }
    }
    if !message.ends_with('.') {
        message.push('.');
    }
    Err(AppError::field(field, message))
}

/// zxcvbn's warning in the person's words (in English, the crate's own text).
fn warning_text(tr: crate::i18n::Tr, warning: zxcvbn::feedback::Warning) -> &'static str {
    use zxcvbn::feedback::Warning as W;
    match warning {
        W::StraightRowsOfKeysAreEasyToGuess => tr.server_password_warning_straight_rows(),
        W::ShortKeyboardPatternsAreEasyToGuess => tr.server_password_warning_short_patterns(),
        W::RepeatsLikeAaaAreEasyToGuess => tr.server_password_warning_repeats(),
        W::RepeatsLikeAbcAbcAreOnlySlightlyHarderToGuess => {
            tr.server_password_warning_repeated_groups()
        }
        W::ThisIsATop10Password => tr.server_password_warning_top10(),
        W::ThisIsATop100Password => tr.server_password_warning_top100(),
        W::ThisIsACommonPassword => tr.server_password_warning_common(),
        W::ThisIsSimilarToACommonlyUsedPassword => tr.server_password_warning_similar(),
        W::SequencesLikeAbcAreEasyToGuess => tr.server_password_warning_sequences(),
        W::RecentYearsAreEasyToGuess => tr.server_password_warning_recent_years(),
        W::AWordByItselfIsEasyToGuess => tr.server_password_warning_word(),
        W::DatesAreOftenEasyToGuess => tr.server_password_warning_dates(),
        W::NamesAndSurnamesByThemselvesAreEasyToGuess => tr.server_password_warning_names(),
        W::CommonNamesAndSurnamesAreEasyToGuess => tr.server_password_warning_common_names(),
    }
}

/// zxcvbn's suggestion in the person's words (in English, the crate's own text).
fn suggestion_text(tr: crate::i18n::Tr, suggestion: zxcvbn::feedback::Suggestion) -> &'static str {
    use zxcvbn::feedback::Suggestion as S;
    match suggestion {
        S::UseAFewWordsAvoidCommonPhrases => tr.server_password_suggest_few_words(),
        S::NoNeedForSymbolsDigitsOrUppercaseLetters => tr.server_password_suggest_no_symbols(),
        S::AddAnotherWordOrTwo => tr.server_password_suggest_another_word(),
        S::CapitalizationDoesntHelpVeryMuch => tr.server_password_suggest_capitalization(),
        S::AllUppercaseIsAlmostAsEasyToGuessAsAllLowercase => {
            tr.server_password_suggest_uppercase()
        }
        S::ReversedWordsArentMuchHarderToGuess => tr.server_password_suggest_reversed(),
        S::PredictableSubstitutionsDontHelpVeryMuch => tr.server_password_suggest_substitutions(),
        S::UseALongerKeyboardPatternWithMoreTurns => tr.server_password_suggest_longer_pattern(),
        S::AvoidRepeatedWordsAndCharacters => tr.server_password_suggest_avoid_repeats(),
        S::AvoidSequences => tr.server_password_suggest_avoid_sequences(),
        S::AvoidRecentYears => tr.server_password_suggest_avoid_recent_years(),
        S::AvoidYearsThatAreAssociatedWithYou => tr.server_password_suggest_avoid_your_years(),
        S::AvoidDatesAndYearsThatAreAssociatedWithYou => {
            tr.server_password_suggest_avoid_your_dates()
        }
    }
}

#[cfg(test)]
mod strength_tests {
    use super::check_strength;

    #[test]
    fn common_and_personal_passwords_are_refused_with_a_reason() {
        for weak in ["password", "12345678", "qwertyuiop", "11111111111"] {
            let error = check_strength(weak, "password", &[]).unwrap_err();
            let message = error.message_for("password").unwrap();
            assert!(message.starts_with("This password is too easy to guess."));
            assert!(
                message.len() > "This password is too easy to guess.".len(),
                "{message}"
            );
        }
        assert!(check_strength(
            "lovelace1815",
            "password",
            &["ada.lovelace@example.org", "Ada Lovelace"]
        )
        .is_err());
    }

    #[test]
    fn long_unusual_passwords_pass() {
        for strong in [
            "correct horse battery",
            "custodian-demo",
            "violet-harbour-trumpet-42",
        ] {
            assert!(check_strength(strong, "password", &[]).is_ok(), "{strong}");
        }
    }
}
