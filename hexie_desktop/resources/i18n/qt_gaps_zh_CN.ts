<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Qt's own strings missing from the qtbase_zh_CN.qm shipped with PySide6 (it lags behind Qt 6).
     Compile with: pyside6-lrelease hexie_desktop/resources/i18n/qt_gaps_zh_CN.ts
     (tests/gui/test_qt_chinese.py fails when the .qm is stale). -->
<TS version="2.1" language="zh_CN">
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
</TS>
