import io
import unittest

def add(a, b):
    return a + b

class AddTest(unittest.TestCase):
    def test_numbers(self):
        self.assertEqual(add(2, 3), 5)

    def test_strings(self):
        self.assertEqual(add("a", "b"), "ab")

    def test_failure_is_reported(self):
        with self.assertRaises(TypeError):
            add(1, "x")

program = unittest.main(argv=["x"], exit=False, testRunner=unittest.TextTestRunner(stream=io.StringIO()))
print(program.result.testsRun, program.result.wasSuccessful())
