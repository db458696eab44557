// The translation unit of a test precompiled-header host (tests/CMakeLists.txt,
// aicp_test_precompile): it only makes CMake build the header that the tests
// with the same libraries reuse.
