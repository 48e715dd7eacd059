/* The one loop of the PDF parser that Python cannot run fast: one PDFium call per character.
 *
 * PDFium has no call that returns every character box of a text page, and calling
 * FPDFText_GetLooseCharBox through ctypes costs ~0.45 us a char, almost all of it ctypes'
 * argument and result handling (on a resume that draws each char as its own object, thousands
 * of calls a page).  This module makes the same calls from C, to the same function pointer
 * pypdfium2 loaded, so the boxes are the very ones the ctypes loop gets.  It is optional: when
 * it was not built (no C compiler at install), resume_checker.documents.pdf_boxes runs the
 * ctypes loop instead.
 *
 * unowned_objects walks a page's chars and objects the same way for .pdf.dropped: a page that
 * draws every glyph as its own object needs thousands of such calls, ~3 ms a page via ctypes.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <stdlib.h>

/* FPDF_BOOL FPDFText_GetLooseCharBox(FPDF_TEXTPAGE text_page, int index, FS_RECTF* rect) */
typedef int (*loose_box_fn)(void *, int, float *);

PyDoc_STRVAR(fill_boxes_doc,
"fill_boxes(function, textpage, indices, boxes) -> int\n\n"
"Call the PDFium function at address ``function`` (FPDFText_GetLooseCharBox) for the text page\n"
"at address ``textpage`` once per char index in ``indices`` (a buffer of native int32), writing\n"
"char i's box to floats 4*i..4*i+3 of ``boxes`` (a writable buffer of float32, 4 per char of\n"
"the page).  Indices outside the buffer are skipped; a failed call leaves its box as it was.\n"
"Returns the number of calls that succeeded.");

static PyObject *
fill_boxes(PyObject *self, PyObject *args)
{
    unsigned long long function, textpage;
    Py_buffer indices, boxes;
    if (!PyArg_ParseTuple(args, "KKy*w*:fill_boxes", &function, &textpage, &indices, &boxes)) {
        return NULL;
    }
    if (function == 0 || indices.len % sizeof(int32_t) || boxes.len % (4 * sizeof(float))) {
        PyBuffer_Release(&indices);
        PyBuffer_Release(&boxes);
        PyErr_SetString(PyExc_ValueError,
                        "fill_boxes needs a function, int32 indices and 4 float32s per char");
        return NULL;
    }
    loose_box_fn call = (loose_box_fn)(uintptr_t)function;
    void *page = (void *)(uintptr_t)textpage;
    const int32_t *wanted = (const int32_t *)indices.buf;
    float *out = (float *)boxes.buf;
    Py_ssize_t count = boxes.len / (Py_ssize_t)(4 * sizeof(float));
    Py_ssize_t n = indices.len / (Py_ssize_t)sizeof(int32_t);
    Py_ssize_t done = 0;
    for (Py_ssize_t k = 0; k < n; k++) {
        int32_t i = wanted[k];
        if (i < 0 || i >= count) {
            continue;
        }
        if (call(page, (int)i, out + 4 * (Py_ssize_t)i)) {
            done++;
        }
    }
    PyBuffer_Release(&indices);
    PyBuffer_Release(&boxes);
    return PyLong_FromSsize_t(done);
}

typedef int (*count_objects_fn)(void *);
typedef void *(*get_object_fn)(void *, int);
typedef int (*object_type_fn)(void *);
typedef int (*bounds_fn)(void *, float *, float *, float *, float *);
typedef void *(*text_object_fn)(void *, int);

#define FPDF_PAGEOBJ_TEXT 1

static int
compare_pointers(const void *a, const void *b)
{
    uintptr_t x = (uintptr_t)*(void *const *)a, y = (uintptr_t)*(void *const *)b;
    return (x > y) - (x < y);
}

PyDoc_STRVAR(unowned_objects_doc,
"unowned_objects(functions, page, textpage, count) -> list[int]\n\n"
"The indices of the page's top-level text objects that own no char of the text page and have\n"
"a box wider than zero: the glyphs PDFium's text page left out.  ``functions`` holds the\n"
"addresses of FPDFPage_CountObjects, FPDFPage_GetObject, FPDFPageObj_GetType,\n"
"FPDFPageObj_GetBounds and FPDFText_GetTextObject; ``count`` is the text page's char count.\n"
"One call per char and about two per object, so a page costs a fraction of a millisecond.");

static PyObject *
unowned_objects(PyObject *self, PyObject *args)
{
    unsigned long long f_count, f_get, f_type, f_bounds, f_owner, page_at, textpage_at;
    int count;
    if (!PyArg_ParseTuple(args, "(KKKKK)KKi:unowned_objects", &f_count, &f_get, &f_type,
                          &f_bounds, &f_owner, &page_at, &textpage_at, &count)) {
        return NULL;
    }
    if (!f_count || !f_get || !f_type || !f_bounds || !f_owner || !page_at || !textpage_at) {
        PyErr_SetString(PyExc_ValueError, "unowned_objects needs five functions and two handles");
        return NULL;
    }
    void *page = (void *)(uintptr_t)page_at, *textpage = (void *)(uintptr_t)textpage_at;
    text_object_fn owner_of = (text_object_fn)(uintptr_t)f_owner;
    void **owners = PyMem_Malloc(sizeof(void *) * (size_t)(count > 0 ? count : 1));
    if (owners == NULL) {
        return PyErr_NoMemory();
    }
    size_t n_owners = 0;
    for (int i = 0; i < count; i++) {
        void *obj = owner_of(textpage, i);
        if (obj != NULL) {
            owners[n_owners++] = obj;
        }
    }
    qsort(owners, n_owners, sizeof(void *), compare_pointers);
    PyObject *out = PyList_New(0);
    if (out == NULL) {
        PyMem_Free(owners);
        return NULL;
    }
    get_object_fn get = (get_object_fn)(uintptr_t)f_get;
    object_type_fn type_of = (object_type_fn)(uintptr_t)f_type;
    bounds_fn bounds = (bounds_fn)(uintptr_t)f_bounds;
    int objects = ((count_objects_fn)(uintptr_t)f_count)(page);
    for (int i = 0; i < objects; i++) {
        void *obj = get(page, i);
        float left, bottom, right, top;
        /* the search first: most objects own a char, and it costs less than a call */
        if (obj == NULL
            || bsearch(&obj, owners, n_owners, sizeof(void *), compare_pointers) != NULL
            || type_of(obj) != FPDF_PAGEOBJ_TEXT || !bounds(obj, &left, &bottom, &right, &top) || !(right > left)) {
            continue;
        }
        PyObject *index = PyLong_FromLong(i);
        if (index == NULL || PyList_Append(out, index) < 0) {
            Py_XDECREF(index);
            Py_DECREF(out);
            PyMem_Free(owners);
            return NULL;
        }
        Py_DECREF(index);
    }
    PyMem_Free(owners);
    return out;
}

static PyMethodDef methods[] = {
    {"fill_boxes", fill_boxes, METH_VARARGS, fill_boxes_doc},
    {"unowned_objects", unowned_objects, METH_VARARGS, unowned_objects_doc},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT,
    "_pdfboxes",
    "Character boxes of a PDFium text page, and the text objects it left out, read in C loops.",
    -1,
    methods,
};

PyMODINIT_FUNC
PyInit__pdfboxes(void)
{
    return PyModule_Create(&module);
}
