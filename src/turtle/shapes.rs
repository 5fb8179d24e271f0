//! The turtle shapes CPython's `turtle` module defines (their polygons, from `turtle.py`'s
//! `_shapes` table), placed at a turtle's position and heading.

use super::Point;

/// The polygon of shape `name` in shape space (the shape points along +y), or `None` for
/// "blank" and unknown names.
fn polygon(name: &str) -> Option<&'static [Point]> {
    Some(match name {
        "classic" => &[[0.0, 0.0], [-5.0, -9.0], [0.0, -7.0], [5.0, -9.0]],
        "arrow" => &[[-10.0, 0.0], [10.0, 0.0], [0.0, 10.0]],
        "square" => &[[10.0, -10.0], [10.0, 10.0], [-10.0, 10.0], [-10.0, -10.0]],
        "triangle" => &[[10.0, -5.77], [0.0, 11.55], [-10.0, -5.77]],
        "circle" => &[
            [10.0, 0.0],
            [9.51, 3.09],
            [8.09, 5.88],
            [5.88, 8.09],
            [3.09, 9.51],
            [0.0, 10.0],
            [-3.09, 9.51],
            [-5.88, 8.09],
            [-8.09, 5.88],
            [-9.51, 3.09],
            [-10.0, 0.0],
            [-9.51, -3.09],
            [-8.09, -5.88],
            [-5.88, -8.09],
            [-3.09, -9.51],
            [0.0, -10.0],
            [3.09, -9.51],
            [5.88, -8.09],
            [8.09, -5.88],
            [9.51, -3.09],
        ],
        "turtle" => &[
            [0.0, 16.0],
            [-2.0, 14.0],
            [-1.0, 10.0],
            [-4.0, 7.0],
            [-7.0, 9.0],
            [-9.0, 8.0],
            [-6.0, 5.0],
            [-7.0, 1.0],
            [-5.0, -3.0],
            [-8.0, -6.0],
            [-6.0, -8.0],
            [-4.0, -5.0],
            [0.0, -7.0],
            [4.0, -5.0],
            [6.0, -8.0],
            [8.0, -6.0],
            [5.0, -3.0],
            [7.0, 1.0],
            [6.0, 5.0],
            [9.0, 8.0],
            [7.0, 9.0],
            [4.0, 7.0],
            [1.0, 10.0],
            [2.0, 14.0],
        ],
        _ => return None,
    })
}

/// Shape `name` drawn at `at` facing `heading` (degrees), in turtle coordinates: shape space's
/// +y becomes the heading and +x the turtle's right, as CPython's `_polytrafo` places it.
pub fn placed(name: &str, at: Point, heading: f64) -> Option<Vec<Point>> {
    let (sin, cos) = heading.to_radians().sin_cos();
    let points = polygon(name)?
        .iter()
        .map(|[x, y]| [at[0] + x * sin + y * cos, at[1] - x * cos + y * sin])
        .collect();
    Some(points)
}
