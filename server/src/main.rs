#[tokio::main]
async fn main() {
    // Before anything is opened: databases, WAL files, keys and archives are private.
    server::files::private_by_default();
    let cli = match server::config::Cli::parse_checked() {
        Ok(cli) => cli,
        Err(message) => {
            eprintln!("custodian: {message}");
            std::process::exit(2);
        }
    };
    tracing_subscriber::fmt()
        // Colours only on a terminal: a log file or journal gets plain text.
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stdout()))
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_new(&cli.settings.log)
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .init();
    if let Err(e) = server::cli::run(cli).await {
        eprintln!("custodian: {}", e.chain());
        std::process::exit(1);
    }
}
