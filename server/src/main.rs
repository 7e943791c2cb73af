use clap::Parser;

#[tokio::main]
async fn main() {
    let cli = server::config::Cli::parse();
    tracing_subscriber::fmt()
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
