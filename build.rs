//! Compiles the word lists in without their comment lines: `data/**/*.txt` is copied to
//! `$OUT_DIR/data/` with every line that starts with `#` (the source and format headers, which
//! stay in the repository for people) left out. The .wasm is about 20 KB smaller gzipped.

use std::fs;
use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=data");
    let out = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("data");
    copy(Path::new("data"), &out);
}

fn copy(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("create the data folder in OUT_DIR");
    let mut entries: Vec<_> = fs::read_dir(from)
        .expect("read data/")
        .map(|e| e.expect("read a data/ entry").path())
        .collect();
    entries.sort();
    for path in entries {
        let name = path.file_name().expect("a file name");
        if path.is_dir() {
            copy(&path, &to.join(name));
        } else if path.extension().is_some_and(|e| e == "txt") {
            let text = fs::read_to_string(&path).expect("data files are UTF-8");
            let kept: String = text
                .lines()
                .filter(|l| !l.starts_with('#'))
                .flat_map(|l| [l, "\n"])
                .collect();
            fs::write(to.join(name), kept).expect("write a data file to OUT_DIR");
        }
    }
}
