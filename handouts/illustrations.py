"""Line drawings of the demo handout's exercises, drawn here with Pillow rather than taken from
elsewhere (no stock images, nothing to license): a side view of a simple figure on a floor line,
with an arrow in the practice's colour for the movement. `draw(name)` returns the picture;
`ILLUSTRATIONS[name].alt_text` says what it shows for people who cannot see it.

Drawn at three times the size and scaled down, so lines come out smooth (ImageDraw does not
smooth its edges).
"""

from collections.abc import Callable
from dataclasses import dataclass
from io import BytesIO
from itertools import pairwise

from PIL import Image, ImageDraw

WIDTH, HEIGHT = 600, 360
SCALE = 3
FLOOR = 300
INK = "#1b2430"  # tokens.css --color-text
MOVE = "#0a5a75"  # tokens.css --color-primary: the arrows
GROUND = "#8a96a3"
LIMB = 9
HEAD = 19

Point = tuple[float, float]


class Canvas:
    def __init__(self):
        self.image = Image.new("RGB", (WIDTH * SCALE, HEIGHT * SCALE), "white")
        self.pen = ImageDraw.Draw(self.image)
        self.line([(20, FLOOR + 8), (WIDTH - 20, FLOOR + 8)], colour=GROUND, width=3)

    @staticmethod
    def _scaled(points):
        return [(x * SCALE, y * SCALE) for x, y in points]

    def line(self, points: list[Point], colour: str = INK, width: int = LIMB) -> None:
        self.pen.line(self._scaled(points), fill=colour, width=width * SCALE, joint="curve")
        for x, y in (points[0], points[-1]):  # round ends
            r = width * SCALE / 2
            self.pen.ellipse(
                (x * SCALE - r, y * SCALE - r, x * SCALE + r, y * SCALE + r), fill=colour
            )

    def dashed(self, points: list[Point], colour: str = INK, width: int = 4) -> None:
        for n, (start, end) in enumerate(pairwise(points)):
            if n % 2 == 0:
                self.line([start, end], colour=colour, width=width)

    def head(self, centre: Point) -> None:
        x, y = centre
        box = ((x - HEAD) * SCALE, (y - HEAD) * SCALE, (x + HEAD) * SCALE, (y + HEAD) * SCALE)
        self.pen.ellipse(box, outline=INK, width=LIMB * SCALE, fill="white")

    def arrow(self, points: list[Point], both_ends: bool = False) -> None:
        self.line(points, colour=MOVE, width=5)
        self._arrow_head(points[-2], points[-1])
        if both_ends:
            self._arrow_head(points[1], points[0])

    def _arrow_head(self, before: Point, tip: Point) -> None:
        (x0, y0), (x1, y1) = before, tip
        length = max(((x1 - x0) ** 2 + (y1 - y0) ** 2) ** 0.5, 1e-6)
        ux, uy = (x1 - x0) / length, (y1 - y0) / length
        back = (x1 - 16 * ux, y1 - 16 * uy)
        left = (back[0] - 9 * uy, back[1] + 9 * ux)
        right = (back[0] + 9 * uy, back[1] - 9 * ux)
        self.pen.polygon(self._scaled([tip, left, right]), fill=MOVE)

    def png(self) -> Image.Image:
        """Cropped to the figure (and its floor) with a margin, so the figure fills the picture."""
        ink = Image.eval(self.image.convert("L"), lambda value: 255 - value)
        _, top, _, bottom = ink.getbbox()
        margin = 16 * SCALE
        box = (0, max(top - margin, 0), self.image.width, min(bottom + margin, self.image.height))
        cropped = self.image.crop(box)
        height = round(cropped.height * WIDTH / cropped.width)
        return cropped.resize((WIDTH, height), Image.Resampling.LANCZOS)


def curve(start: Point, control: Point, end: Point, steps: int = 24) -> list[Point]:
    """A quadratic Bézier curve as a polyline."""
    points = []
    for n in range(steps + 1):
        t = n / steps
        x = (1 - t) ** 2 * start[0] + 2 * (1 - t) * t * control[0] + t**2 * end[0]
        y = (1 - t) ** 2 * start[1] + 2 * (1 - t) * t * control[1] + t**2 * end[1]
        points.append((x, y))
    return points


def lying_on_back(canvas: Canvas) -> tuple[Point, Point]:
    """Head, trunk and the arm along the side, on the floor; returns (shoulder, hip)."""
    shoulder, hip = (112, FLOOR - 8), (245, FLOOR - 8)
    canvas.head((88, FLOOR - 14))
    canvas.line([shoulder, hip])
    return shoulder, hip


def bent_knees(canvas: Canvas, hip: Point) -> Point:
    knee, ankle = (310, FLOOR - 72), (360, FLOOR - 6)
    canvas.line([hip, knee, ankle, (388, FLOOR - 4)])
    return knee


def pelvic_tilt(canvas: Canvas) -> None:
    _, hip = lying_on_back(canvas)
    bent_knees(canvas, hip)
    canvas.arrow([(200, FLOOR - 90), (200, FLOOR - 26)])  # the low back presses down


def single_knee_to_chest(canvas: Canvas) -> None:
    shoulder, hip = lying_on_back(canvas)
    canvas.line([hip, (330, FLOOR - 8), (415, FLOOR - 8), (430, FLOOR - 30)])  # straight leg
    knee = (205, FLOOR - 88)
    canvas.line([hip, knee, (280, FLOOR - 104), (290, FLOOR - 126)])  # the knee pulled up
    canvas.line([shoulder, (160, FLOOR - 60), knee])  # hands around the knee
    canvas.arrow(curve((300, FLOOR - 60), (300, FLOOR - 150), (230, FLOOR - 140)))


def double_knee_to_chest(canvas: Canvas) -> None:
    shoulder, hip = lying_on_back(canvas)
    for shift in (0, 14):
        knee = (205 + shift, FLOOR - 88 - shift / 2)
        canvas.line([hip, knee, (280 + shift, FLOOR - 104), (290 + shift, FLOOR - 126)])
    canvas.line([shoulder, (160, FLOOR - 60), (210, FLOOR - 92)])
    canvas.arrow(curve((310, FLOOR - 60), (320, FLOOR - 160), (240, FLOOR - 150)))


def knee_rolls(canvas: Canvas) -> None:
    _, hip = lying_on_back(canvas)
    knee = bent_knees(canvas, hip)
    # Where the knees go when they roll to one side, and back.
    canvas.dashed([hip, *curve(hip, (300, FLOOR - 40), (345, FLOOR - 40), 10)], colour=GROUND)
    x, y = knee
    canvas.arrow(curve((x - 55, y - 30), (x, y - 85), (x + 55, y - 30)), both_ends=True)


def cat_camel(canvas: Canvas) -> None:
    shoulder, hip = (210, FLOOR - 112), (370, FLOOR - 112)
    canvas.line([shoulder, (212, FLOOR - 2)])  # arm straight down, hand under the shoulder
    canvas.line([hip, (372, FLOOR - 4), (460, FLOOR - 4)])  # knee under the hip, shin on floor
    canvas.line(curve(shoulder, (290, FLOOR - 210), hip))  # the back rounded up (cat)
    canvas.dashed(curve(shoulder, (290, FLOOR - 60), hip, 14), colour=GROUND)  # sagging (camel)
    canvas.head((178, FLOOR - 92))
    canvas.arrow([(290, FLOOR - 100), (290, FLOOR - 186)])
    canvas.arrow([(330, FLOOR - 150), (330, FLOOR - 86)])


def dead_bug(canvas: Canvas) -> None:
    shoulder, hip = lying_on_back(canvas)
    canvas.line([shoulder, (130, FLOOR - 130)])  # an arm to the ceiling
    canvas.line([shoulder, (60, FLOOR - 110)])  # the other reaching back overhead
    canvas.line([hip, (245, FLOOR - 88), (325, FLOOR - 88)])  # a leg in table-top
    canvas.line([hip, (320, FLOOR - 34), (400, FLOOR - 22)])  # the other leg reaching out
    canvas.arrow([(335, FLOOR - 70), (395, FLOOR - 52)])


def seated_forward_flexion(canvas: Canvas) -> None:
    seat = FLOOR - 100
    canvas.line([(300, seat), (400, seat)], colour=GROUND, width=6)  # the chair
    canvas.line([(395, seat), (395, FLOOR + 4)], colour=GROUND, width=6)
    canvas.line([(305, seat), (305, FLOOR + 4)], colour=GROUND, width=6)
    canvas.line([(395, seat), (405, seat - 120)], colour=GROUND, width=6)
    hip, knee = (360, seat - 8), (270, seat - 8)
    shoulder = (275, seat - 88)
    canvas.line([hip, knee, (265, FLOOR - 4), (235, FLOOR - 4)])  # thigh, shin, foot
    canvas.line([hip, shoulder])  # the trunk bending forward
    canvas.head((246, seat - 70))
    canvas.line([shoulder, (262, seat + 30), (258, seat + 70)])  # hands slide down the legs
    canvas.arrow(curve((330, seat - 130), (250, seat - 150), (215, seat - 90)))


@dataclass(frozen=True)
class Illustration:
    drawing: Callable[[Canvas], None]
    alt_text: str


ILLUSTRATIONS = {
    "Posterior Pelvic Tilt": Illustration(
        pelvic_tilt,
        "A person lying on their back, knees bent and feet flat, pressing the low back down "
        "into the floor.",
    ),
    "Single Knee-to-Chest": Illustration(
        single_knee_to_chest,
        "A person lying on their back, one leg straight, hugging the other knee toward the chest.",
    ),
    "Double Knee-to-Chest": Illustration(
        double_knee_to_chest,
        "A person lying on their back hugging both knees toward the chest.",
    ),
    "Lower Trunk Rotation (Knee Rolls)": Illustration(
        knee_rolls,
        "A person lying on their back with knees bent and together, rolling both knees slowly "
        "to one side and back.",
    ),
    "Cat\u2013Camel": Illustration(
        cat_camel,
        "A person on hands and knees rounding the back up toward the ceiling, then letting it "
        "sag gently (dashed line).",
    ),
    "Abdominal Bracing / Dead Bug": Illustration(
        dead_bug,
        "A person lying on their back, one arm toward the ceiling, one leg bent in the air, "
        "reaching the other arm overhead and the other leg out.",
    ),
    "Seated Forward Flexion Stretch": Illustration(
        seated_forward_flexion,
        "A person sitting on a chair bending forward, hands sliding down the legs.",
    ),
}


def draw(name: str) -> Image.Image:
    canvas = Canvas()
    ILLUSTRATIONS[name].drawing(canvas)
    return canvas.png()


def png_bytes(name: str) -> bytes:
    buffer = BytesIO()
    draw(name).save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
