#pragma once
// Where the course's lessons are, for tests that read the real course: the lessons folder beside
// tests/ (Qt Test defines QT_TESTCASE_SOURCEDIR as tests/ for every test).
namespace test {

#ifdef CLUSTERSCOPE_SOURCE_DIR
inline constexpr const char* kLessonsDir = CLUSTERSCOPE_SOURCE_DIR "/lessons";
#else
inline constexpr const char* kLessonsDir = QT_TESTCASE_SOURCEDIR "/../lessons";
#endif

}  // namespace test
