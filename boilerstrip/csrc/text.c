/* normalize.normalize_text and str.lower of a page, per character. */
#include "speedups.h"

#define CAPITAL_DOTTED_I 0x130 /* lowers to two characters, i and a combining dot */
#define CAPITAL_SIGMA 0x3A3    /* lowers by its neighbours (final sigma) */

/* Each character's single-character lower case, for text stored as CHAR. The lower case of
 * a character is never stored wider than the character (the speedups tests check every code
 * point). */
#define DEFINE_LOWER(NAME, CHAR)                                                          \
    static void NAME(const CHAR *in, Py_ssize_t length, CHAR *out)                        \
    {                                                                                     \
        for (Py_ssize_t i = 0; i < length; i++) {                                         \
            Py_UCS4 c = in[i];                                                            \
            if (c < 0x80) {                                                               \
                out[i] = (CHAR)(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);               \
            }                                                                             \
            else {                                                                        \
                out[i] = (CHAR)Py_UNICODE_TOLOWER(c);                                     \
            }                                                                             \
        }                                                                                 \
    }

DEFINE_LOWER(lower_ucs1, Py_UCS1)
DEFINE_LOWER(lower_ucs2, Py_UCS2)
DEFINE_LOWER(lower_ucs4, Py_UCS4)

PyDoc_STRVAR(lower_doc,
             "lower(text, /)\n--\n\n"
             "str.lower(text): ASCII lowered here, other characters by their single-character\n"
             "lower case; a text with the two characters that lower otherwise (dotted capital\n"
             "I, capital sigma) goes to str.lower.");

PyObject *
speedups_lower(PyObject *module, PyObject *text)
{
    module_state *state = get_state(module);
    int kind;
    const void *data;
    void *buffer;
    Py_ssize_t length;
    PyObject *result;
    if (!is_str_argument(text, "lower")) {
        return NULL;
    }
    kind = PyUnicode_KIND(text);
    data = PyUnicode_DATA(text);
    length = PyUnicode_GET_LENGTH(text);
    if (kind != PyUnicode_1BYTE_KIND) {
        for (Py_ssize_t i = 0; i < length; i++) {
            Py_UCS4 c = PyUnicode_READ(kind, data, i);
            if (c == CAPITAL_DOTTED_I || c == CAPITAL_SIGMA) {
                return PyObject_CallOneArg(state->str_lower, text);
            }
        }
    }
    buffer = PyMem_Malloc((size_t)(length > 0 ? length : 1) * (size_t)kind);
    if (buffer == NULL) {
        return PyErr_NoMemory();
    }
    switch (kind) {
    case PyUnicode_1BYTE_KIND:
        lower_ucs1(data, length, buffer);
        break;
    case PyUnicode_2BYTE_KIND:
        lower_ucs2(data, length, buffer);
        break;
    default:
        lower_ucs4(data, length, buffer);
        break;
    }
    /* Rebuilt at the smallest kind that holds it: the Kelvin sign lowers to an ASCII k. */
    result = PyUnicode_FromKindAndData(kind, buffer, length);
    PyMem_Free(buffer);
    return result;
}

static int
is_line_break(Py_UCS4 c)
{
    /* normalize._LINE_BREAKS without \r, which is handled with the \n after it */
    return c == 0x0B || c == 0x0C || c == 0x85 || c == 0x2028 || c == 0x2029;
}

static int
is_invisible(Py_UCS4 c)
{
    /* normalize._INVISIBLE */
    return c <= 0x08 || (c >= 0x0E && c <= 0x1F) || (c >= 0x7F && c <= 0x84)
           || (c >= 0x86 && c <= 0x9F) || c == 0x200B || c == 0x2060 || c == 0xFEFF
           || c == 0xAD;
}

static int
is_odd_space(Py_UCS4 c)
{
    /* normalize._ODD_SPACES */
    return c == '\t' || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F
           || c == 0x205F || c == 0x3000;
}

/* What the character substitutions of normalize_text make of c: a line break, a space, U+FFFD
 * for a lone surrogate, 0 for an invisible character (dropped), or c itself. Printable ASCII,
 * most of any page, is decided by the first test. */
static Py_UCS4
mapped(Py_UCS4 c)
{
    if (c > ' ' && c < 0x7F) {
        return c;
    }
    if (c == '\n' || c == '\r' || is_line_break(c)) {
        return '\n';
    }
    if (c == ' ' || is_odd_space(c)) {
        return ' ';
    }
    if (is_invisible(c)) {
        return 0;
    }
    if (c >= 0xD800 && c <= 0xDFFF) {
        return 0xFFFD;
    }
    return c;
}

/* normalize_text's passes fused into one, for text stored as CHAR: characters mapped (\r\n
 * as one break), space runs cut to one, spaces next to a break dropped, leading and trailing
 * spaces and breaks stripped, runs of three or more breaks cut to two. Writing to `out`
 * while looking back at what was written gives the same text as the passes one by one,
 * since each pass only looks at neighbours the ones before it have settled. Every result
 * fits CHAR. Returns the length written. */
#define DEFINE_NORMALIZE(NAME, CHAR)                                                      \
    static Py_ssize_t NAME(const CHAR *in, Py_ssize_t length, CHAR *out)                  \
    {                                                                                     \
        Py_ssize_t written = 0;                                                           \
        for (Py_ssize_t i = 0; i < length; i++) {                                         \
            Py_UCS4 c = mapped(in[i]);                                                    \
            if (c == ' ') {                                                               \
                if (written == 0 || out[written - 1] == ' ' || out[written - 1] == '\n') { \
                    continue;                                                             \
                }                                                                         \
            }                                                                             \
            else if (c == '\n') {                                                         \
                if (in[i] == '\r' && i + 1 < length && in[i + 1] == '\n') {              \
                    i++;                                                                  \
                }                                                                         \
                if (written > 0 && out[written - 1] == ' ') {                             \
                    written--;                                                            \
                }                                                                         \
                if (written == 0                                                          \
                    || (written > 1 && out[written - 1] == '\n'                           \
                        && out[written - 2] == '\n')) {                                   \
                    continue;                                                             \
                }                                                                         \
            }                                                                             \
            else if (c == 0) {                                                            \
                continue;                                                                 \
            }                                                                             \
            out[written++] = (CHAR)c;                                                     \
        }                                                                                 \
        while (written > 0 && (out[written - 1] == ' ' || out[written - 1] == '\n')) {    \
            written--;                                                                    \
        }                                                                                 \
        return written;                                                                   \
    }

DEFINE_NORMALIZE(normalize_ucs1, Py_UCS1)
DEFINE_NORMALIZE(normalize_ucs2, Py_UCS2)
DEFINE_NORMALIZE(normalize_ucs4, Py_UCS4)

PyDoc_STRVAR(normalize_text_doc,
             "normalize_text(text, /)\n--\n\n"
             "normalize.normalize_text(text): the same passes over the characters, in C.");

static PyObject *
normalize_text(PyObject *module, PyObject *text)
{
    int kind;
    Py_ssize_t length, written;
    const void *data;
    void *buffer;
    PyObject *result;
    if (!is_str_argument(text, "normalize_text")) {
        return NULL;
    }
    kind = PyUnicode_KIND(text);
    data = PyUnicode_DATA(text);
    length = PyUnicode_GET_LENGTH(text);
    buffer = PyMem_Malloc((size_t)(length > 0 ? length : 1) * (size_t)kind);
    if (buffer == NULL) {
        return PyErr_NoMemory();
    }
    switch (kind) {
    case PyUnicode_1BYTE_KIND:
        written = normalize_ucs1(data, length, buffer);
        break;
    case PyUnicode_2BYTE_KIND:
        written = normalize_ucs2(data, length, buffer);
        break;
    default:
        written = normalize_ucs4(data, length, buffer);
        break;
    }
    if (written == length && PyUnicode_CheckExact(text)
        && memcmp(buffer, data, (size_t)length * (size_t)kind) == 0) {
        /* Already normal (a cleaned text cleaned again): the same object. */
        PyMem_Free(buffer);
        return Py_NewRef(text);
    }
    /* Rebuilt at the smallest kind that holds what is left (a str must be canonical). */
    result = PyUnicode_FromKindAndData(kind, buffer, written);
    PyMem_Free(buffer);
    return result;
}

PyMethodDef speedups_text_methods[] = {
    {"normalize_text", (PyCFunction)normalize_text, METH_O, normalize_text_doc},
    {"lower", (PyCFunction)speedups_lower, METH_O, lower_doc},
    {NULL, NULL, 0, NULL},
};
