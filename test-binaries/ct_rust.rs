// A Rust function for jrrtui trace: ct_rust::add(a=2, b=40) => 42, called twice
// (the second time add(a=42, b=1) => 43). Prints "43".
#[inline(never)]
fn add(a: i32, b: i32) -> i32 {
    a + b
}

fn main() {
    let x = add(std::hint::black_box(2), 40);
    println!("{}", add(x, 1));
}
