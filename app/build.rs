//! Compiles `locales/<language>/*.ftl` into `Tr`'s methods; a message missing
//! in any language fails the build and names it.
fn main() {
    println!("cargo::rerun-if-changed=locales");
    let dir = std::path::Path::new("locales");
    match translations::load(dir) {
        Ok(catalog) => {
            let out = std::path::PathBuf::from(
                std::env::var("OUT_DIR").expect("OUT_DIR is set by cargo"),
            );
            std::fs::write(out.join("translations.rs"), catalog.generate())
                .expect("the generated translations can be written");
        }
        Err(problems) => {
            for problem in &problems {
                println!("cargo::warning={problem}");
            }
            panic!(
                "the translation files have {} problem(s):\n{}",
                problems.len(),
                problems.join("\n")
            );
        }
    }
}
