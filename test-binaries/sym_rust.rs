// Fixture for the symbol side (Rust, DWARF 4): enums, Option, Vec, String, &str, slices.
// Stop at `break sym_rust::stop_here`; in frame 1 (inspect) gdb prints e.g.
//   v = Vec(size=3) = [1, 2, 3] ; s = "hello" ; name = "world"
#[derive(Debug, Clone, Copy)]
pub enum Shape {
    Circle(f64),
    Rect { w: u32, h: u32 },
    Empty,
}

pub struct Holder<'a> {
    pub id: u64,
    pub label: &'a str,
    pub items: Vec<i32>,
    pub owned: String,
    pub maybe: Option<u32>,
    pub nothing: Option<u32>,
    pub shape: Shape,
    pub slice: &'a [u16],
}

#[inline(never)]
pub fn stop_here(x: u64) -> u64 {
    std::hint::black_box(x) + 1
}

#[inline(never)]
pub fn inspect(h: &Holder) -> u64 {
    let count = h.items.len() as u64;
    let first = h.items.first().copied();
    let tag = match h.shape {
        Shape::Circle(_) => 1,
        Shape::Rect { .. } => 2,
        Shape::Empty => 3,
    };
    stop_here(count + tag + first.unwrap_or(0) as u64)
}

fn recurse(n: u32) -> u32 {
    if n == 0 { 0 } else { n + recurse(n - 1) }
}

fn main() {
    let data: [u16; 4] = [9, 8, 7, 6];
    let h = Holder {
        id: 77,
        label: "hello",
        items: vec![1, 2, 3],
        owned: String::from("world"),
        maybe: Some(5),
        nothing: None,
        shape: Shape::Rect { w: 4, h: 6 },
        slice: &data[1..3],
    };
    let shapes = [Shape::Circle(1.5), Shape::Empty, h.shape];
    let r = inspect(&h) + recurse(4) as u64 + shapes.len() as u64;
    println!("{} {:?}", r, shapes[0]);
}
