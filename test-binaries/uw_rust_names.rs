// Rust fixture for the demangler oracle test: generics, traits, closures, trait objects.
// Built by the Makefile with rustc -g (legacy mangling); DemanglerOracleTest also builds it with
// -C symbol-mangling-version=v0.
use std::collections::HashMap;
use std::fmt;

trait Shape {
    fn area(&self) -> f64;
}

struct Square<T> {
    side: T,
}

impl Shape for Square<f64> {
    fn area(&self) -> f64 {
        self.side * self.side
    }
}

impl<T: fmt::Debug> fmt::Display for Square<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Square({:?})", self.side)
    }
}

fn total(shapes: &[Box<dyn Shape>]) -> f64 {
    shapes.iter().map(|s| s.area()).sum()
}

fn apply<F: Fn(i32) -> i32>(f: F, v: i32) -> i32 {
    f(v)
}

fn main() {
    let shapes: Vec<Box<dyn Shape>> = vec![Box::new(Square { side: 2.0 })];
    let mut counts: HashMap<String, usize> = HashMap::new();
    *counts.entry("a".to_string()).or_insert(0) += 1;
    let k = 3;
    println!("{} {} {} {}", total(&shapes), apply(|x| x * k, 4), Square { side: 1u8 }, counts.len());
}
