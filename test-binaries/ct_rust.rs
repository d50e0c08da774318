// A Rust function for jrrtui trace '^ct_rust::add$', called twice; prints "43" and the trace is
// add: > [] ct_rust::add(a=2, b=40)
// add: >> [] ct_rust::add => 42
// add: > [] ct_rust::add(a=42, b=1)
// add: >> [] ct_rust::add => 43
#[inline(never)]
fn add(a: i32, b: i32) -> i32 {
    a + b
}

fn main() {
    let x = add(std::hint::black_box(2), 40);
    println!("{}", add(x, 1));
}
