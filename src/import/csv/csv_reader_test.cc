#include "import/csv/csv_reader.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace nanni {
namespace {

struct Row {
  std::vector<std::string> fields;
  uint64_t line, end_line;
  std::string error;
  std::string raw;
};

// Reads all of `data` with every buffer size from 4 bytes up, and checks they agree.
std::vector<Row> ReadAll(const std::string& data, CsvDialect dialect = {}) {
  std::vector<Row> first;
  for (size_t buffer : {size_t{4}, size_t{5}, size_t{7}, size_t{16}, size_t{1} << 20}) {
    auto reader = CsvReader::FromString(data, dialect, buffer);
    std::vector<Row> rows;
    CsvRecord rec;
    for (;;) {
      bool done = false;
      Status st = reader->Next(&rec, &done);
      EXPECT_TRUE(st.ok()) << st.ToString();
      if (!st.ok() || done) break;
      Row row{{}, rec.line, rec.end_line, rec.error, std::string(rec.raw)};
      for (auto f : rec.fields) row.fields.emplace_back(f);
      rows.push_back(row);
    }
    if (buffer == 4) {
      first = rows;
    } else {
      EXPECT_EQ(rows.size(), first.size()) << "buffer " << buffer;
      for (size_t i = 0; i < rows.size() && i < first.size(); ++i) {
        EXPECT_EQ(rows[i].fields, first[i].fields) << "buffer " << buffer << " row " << i;
        EXPECT_EQ(rows[i].line, first[i].line);
        EXPECT_EQ(rows[i].error, first[i].error);
        EXPECT_EQ(rows[i].raw, first[i].raw);
      }
    }
  }
  return first;
}

using V = std::vector<std::string>;

TEST(CsvReader, PlainRowsAndLineEnds) {
  auto rows = ReadAll("a,b,c\n1,2,3\r\n4,5,6\r7,8,9");
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0].fields, (V{"a", "b", "c"}));
  EXPECT_EQ(rows[2].fields, (V{"4", "5", "6"}));
  EXPECT_EQ(rows[3].fields, (V{"7", "8", "9"}));
  EXPECT_EQ(rows[3].line, 4u);
  EXPECT_EQ(rows[1].raw, "1,2,3");
}

TEST(CsvReader, QuotedFieldsWithDelimitersNewlinesAndQuotes) {
  auto rows = ReadAll("id,text\n1,\"hello, \"\"world\"\"\nsecond line\"\n2,\"\"\n3,x\n");
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[1].fields, (V{"1", "hello, \"world\"\nsecond line"}));
  EXPECT_EQ(rows[1].line, 2u);
  EXPECT_EQ(rows[1].end_line, 3u);
  EXPECT_EQ(rows[2].fields, (V{"2", ""}));
  EXPECT_EQ(rows[2].line, 4u);
  EXPECT_EQ(rows[3].line, 5u);
}

TEST(CsvReader, BomIsDroppedAndEmptyLinesSkipped) {
  auto rows = ReadAll("\xEF\xBB\xBFname,n\n\nx,1\n\r\ny,2\n");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].fields, (V{"name", "n"}));
  EXPECT_EQ(rows[1].line, 3u);
  EXPECT_EQ(rows[2].line, 5u);
}

TEST(CsvReader, OtherDelimitersAndRaggedRows) {
  CsvDialect semi{';', '"'};
  auto rows = ReadAll("a;b\n1;\"x;y\"\n2\n3;4;5\n", semi);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[1].fields, (V{"1", "x;y"}));
  EXPECT_EQ(rows[2].fields, (V{"2"}));
  EXPECT_EQ(rows[3].fields, (V{"3", "4", "5"}));
  CsvDialect tab{'\t', '\0'};
  rows = ReadAll("a\t\"b\n", tab);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].fields, (V{"a", "\"b"}));
}

TEST(CsvReader, TrailingDelimiterMeansAnEmptyField) {
  auto rows = ReadAll("a,\n,\n");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].fields, (V{"a", ""}));
  EXPECT_EQ(rows[1].fields, (V{"", ""}));
}

TEST(CsvReader, UnterminatedQuoteAtEndIsAReportedRecord) {
  auto rows = ReadAll("a,b\n1,\"never closed\nmore");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1].line, 2u);
  EXPECT_NE(rows[1].error.find("unterminated"), std::string::npos);
  EXPECT_EQ(rows[1].raw, "1,\"never closed\nmore");
}

TEST(CsvReader, TextAfterClosingQuoteIsReportedAndReadingGoesOn) {
  auto rows = ReadAll("\"a\"b,c\nok,1\n");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_NE(rows[0].error.find("after the closing quote"), std::string::npos);
  EXPECT_TRUE(rows[1].error.empty());
  EXPECT_EQ(rows[1].fields, (V{"ok", "1"}));
}

TEST(CsvReader, BareQuoteInsideUnquotedFieldIsLiteral) {
  auto rows = ReadAll("12\" pizza,3\n");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].fields, (V{"12\" pizza", "3"}));
  EXPECT_TRUE(rows[0].error.empty());
}

TEST(CsvReader, RecordsSpanningManyRefills) {
  std::string big(10000, 'x');
  auto rows = ReadAll("\"" + big + "\"\"" + big + "\"," + big + "\nend\n");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].fields[0], big + "\"" + big);
  EXPECT_EQ(rows[0].fields[1], big);
  EXPECT_EQ(rows[1].fields, (V{"end"}));
}

TEST(CsvReader, RecordLongerThanTheLimitIsAnError) {
  std::string data = std::string(100, 'x') + "\n";
  auto reader = CsvReader::FromString(data, {}, 8, 32);
  CsvRecord rec;
  bool done = false;
  Status st = reader->Next(&rec, &done);
  EXPECT_FALSE(st.ok());
  EXPECT_NE(st.message().find("longer than 32 bytes"), std::string::npos);
}

}  // namespace
}  // namespace nanni
