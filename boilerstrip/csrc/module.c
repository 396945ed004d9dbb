/* The module boilerstrip._speedups: its state, configure(), and every file's functions. */
#include "speedups.h"

/* A tuple of the tuple subclass `type` (a named tuple) holding `fields`, whose references it
 * takes, as tuple.__new__(type, fields) builds it; NULL, with every field released, when a
 * field is NULL or memory runs out. */
PyObject *
speedups_named_tuple(PyObject *type, PyObject **fields, Py_ssize_t count)
{
    PyObject *result = ((PyTypeObject *)type)->tp_alloc((PyTypeObject *)type, count);
    for (Py_ssize_t i = 0; i < count; i++) {
        if (fields[i] == NULL || result == NULL) {
            for (Py_ssize_t k = 0; k < count; k++) {
                Py_XDECREF(fields[k]);
            }
            Py_XDECREF(result);
            return NULL;
        }
    }
    for (Py_ssize_t i = 0; i < count; i++) {
        PyTuple_SET_ITEM(result, i, fields[i]);
    }
    /* The named tuples made here (TextStats, Block, ProseScore) hold numbers, strings, enum
     * members and tuples or frozensets of those: nothing that can lead back to them, so they
     * are never part of a reference cycle. Left tracked, the cyclic GC would walk every block
     * of a page at each full pass, which made time per MB grow with the page. */
    PyObject_GC_UnTrack(result);
    return result;
}

int
speedups_without_dict(PyObject *type, const char *function)
{
    PyTypeObject *checked = (PyTypeObject *)type;
    int has_dict = checked->tp_dictoffset != 0;
#ifdef Py_TPFLAGS_MANAGED_DICT
    has_dict = has_dict || PyType_HasFeature(checked, Py_TPFLAGS_MANAGED_DICT);
#endif
    if (has_dict) {
        PyErr_Format(PyExc_TypeError, "%s() needs a named tuple type without instance "
                     "attributes, got %.100s", function, checked->tp_name);
        return 0;
    }
    return 1;
}

int
speedups_configured(module_state *state, const char *function)
{
    if (state->block_type == NULL) {
        PyErr_Format(PyExc_RuntimeError, "%s() called before configure()", function);
        return 0;
    }
    return 1;
}

PyDoc_STRVAR(configure_doc,
             "configure(word_table, stats_type, block_type, python_words_of, python_measure, /)"
             "\n--\n\n"
             "Hand over the word table (bytes: bit 1 word character, bit 2 character after\n"
             "an apostrophe, for each code point of the Basic Multilingual Plane), the\n"
             "TextStats and Block types this module builds, and the Python functions for the\n"
             "lines it leaves to them.");

static const char *const block_fields[BLOCK_FIELDS] = {
    "index", "text", "kind", "start", "end", "line", "group", "stats", "words", "dom",
};
static const char *const stats_fields[STATS_FIELDS] = {
    "words", "chars", "stopwords", "sentences", "capitalised", "digits", "ends_sentence",
    "has_comma",
};

/* Whether the named tuple `type` has exactly the fields `names`, in that order: this module
 * builds and reads them by position. */
static int
has_fields(PyObject *type, const char *const *names, Py_ssize_t count)
{
    PyObject *fields;
    int same;
    if (!PyType_Check(type) || !PyType_IsSubtype((PyTypeObject *)type, &PyTuple_Type)) {
        return 0;
    }
    fields = PyObject_GetAttrString(type, "_fields");
    if (fields == NULL) {
        PyErr_Clear();
        return 0;
    }
    same = PyTuple_Check(fields) && PyTuple_GET_SIZE(fields) == count;
    for (Py_ssize_t i = 0; same && i < count; i++) {
        PyObject *name = PyTuple_GET_ITEM(fields, i);
        same = PyUnicode_Check(name) && PyUnicode_CompareWithASCIIString(name, names[i]) == 0;
    }
    Py_DECREF(fields);
    return same;
}

static PyObject *
configure(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    module_state *state = get_state(module);
    if (nargs != 5) {
        PyErr_Format(PyExc_TypeError, "configure() takes 5 arguments, got %zd", nargs);
        return NULL;
    }
    if (!PyBytes_Check(args[0]) || PyBytes_GET_SIZE(args[0]) != TABLE_SIZE) {
        PyErr_SetString(PyExc_ValueError, "configure() needs a word table of 65536 bytes");
        return NULL;
    }
    if (!has_fields(args[1], stats_fields, STATS_FIELDS)
        || !has_fields(args[2], block_fields, BLOCK_FIELDS)) {
        PyErr_SetString(PyExc_TypeError, "configure() needs the TextStats and Block named "
                        "tuples with the fields this module was written for");
        return NULL;
    }
    if (!speedups_without_dict(args[1], "configure")
        || !speedups_without_dict(args[2], "configure")) {
        return NULL;
    }
    if (!PyCallable_Check(args[3]) || !PyCallable_Check(args[4])) {
        PyErr_SetString(PyExc_TypeError, "configure() needs the two Python functions");
        return NULL;
    }
    Py_XSETREF(state->word_table, Py_NewRef(args[0]));
    Py_XSETREF(state->stats_type, Py_NewRef(args[1]));
    Py_XSETREF(state->block_type, Py_NewRef(args[2]));
    Py_XSETREF(state->python_words_of, Py_NewRef(args[3]));
    Py_XSETREF(state->python_measure, Py_NewRef(args[4]));
    Py_RETURN_NONE;
}

static PyMethodDef module_methods[] = {
    {"configure", (PyCFunction)(void (*)(void))configure, METH_FASTCALL, configure_doc},
    {NULL, NULL, 0, NULL},
};

/* Every file's functions, added when the module is made. */
static PyMethodDef *const file_methods[] = {
    speedups_text_methods,       speedups_words_methods,      speedups_blocks_methods,
    speedups_language_methods,   speedups_vocabulary_methods, speedups_prose_methods,
    speedups_sentences_methods,
};

static int
speedups_exec(PyObject *module)
{
    module_state *state = get_state(module);
    state->word_table = NULL;
    state->stats_type = NULL;
    state->block_type = NULL;
    state->python_words_of = NULL;
    state->python_measure = NULL;
    state->str_lower = PyObject_GetAttrString((PyObject *)&PyUnicode_Type, "lower");
    state->empty_tuple = PyTuple_New(0);
    state->empty_str = PyUnicode_FromString("");
    if (state->str_lower == NULL || state->empty_tuple == NULL
        || state->empty_str == NULL) {
        return -1;
    }
    for (size_t i = 0; i < sizeof(file_methods) / sizeof(file_methods[0]); i++) {
        if (PyModule_AddFunctions(module, file_methods[i]) < 0) {
            return -1;
        }
    }
    return PyModule_AddIntConstant(module, "VERSION", SPEEDUPS_VERSION);
}

static int
speedups_traverse(PyObject *module, visitproc visit, void *arg)
{
    module_state *state = get_state(module);
    Py_VISIT(state->word_table);
    Py_VISIT(state->stats_type);
    Py_VISIT(state->block_type);
    Py_VISIT(state->python_words_of);
    Py_VISIT(state->python_measure);
    Py_VISIT(state->str_lower);
    return 0;
}

static int
speedups_clear(PyObject *module)
{
    module_state *state = get_state(module);
    Py_CLEAR(state->word_table);
    Py_CLEAR(state->stats_type);
    Py_CLEAR(state->block_type);
    Py_CLEAR(state->python_words_of);
    Py_CLEAR(state->python_measure);
    Py_CLEAR(state->str_lower);
    Py_CLEAR(state->empty_tuple);
    Py_CLEAR(state->empty_str);
    return 0;
}

static void
speedups_free(void *module)
{
    speedups_clear((PyObject *)module);
}

static PyModuleDef_Slot speedups_slots[] = {
    {Py_mod_exec, speedups_exec},
    {0, NULL},
};

static struct PyModuleDef speedups_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "boilerstrip._speedups",
    .m_doc = "Compiled twins of boilerstrip's per-character and per-line work "
             "(see boilerstrip.compiled).",
    .m_size = sizeof(module_state),
    .m_methods = module_methods,
    .m_slots = speedups_slots,
    .m_traverse = speedups_traverse,
    .m_clear = speedups_clear,
    .m_free = speedups_free,
};

PyMODINIT_FUNC
PyInit__speedups(void)
{
    return PyModuleDef_Init(&speedups_module);
}
