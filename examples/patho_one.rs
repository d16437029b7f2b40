use std::time::Instant;
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let t = args[1].repeat(args[2].parse().unwrap());
    let kinds: Vec<&str> = args[3..].iter().map(|s| s.as_str()).collect();
    let a = factcards::Analyzer::builder().kinds(kinds).build().unwrap();
    let t0 = Instant::now();
    let r = a.analyze(&t);
    println!("{:?} {} facts", t0.elapsed(), r.facts.len());
}
