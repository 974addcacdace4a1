//! `dyad eval-ud`. (Placeholder: being written.)

#[derive(clap::Args)]
pub struct Args {}

pub fn run(_args: Args) -> anyhow::Result<()> {
    anyhow::bail!("not yet written")
}
