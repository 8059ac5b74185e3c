; 和谐调解 Desktop — Windows installer (NSIS 3, built on Linux by installer/build.sh).
;
; makensis -DVERSION=0.1.0 -DPAYLOAD=<dir> -DOUTFILE=<setup.exe> [-DCOMPRESSOR=lzma|zlib] hexie.nsi
;
; PAYLOAD holds python\ (the official embeddable CPython 3.11 with the app and its wheels in
; python\Lib\site-packages), hexie.cmd, hexie.ico and the licences.  Per-machine install into
; "Program Files\Hexie"; the station data lives per user in %LOCALAPPDATA%\hexie and is never
; touched by an upgrade; the uninstaller deletes it only when asked (the unticked component
; "删除站点数据", or /PURGE on the command line).
;
; Modelled on MusicBrainz Picard's installer/picard-setup.nsi.in (MUI2, HKLM uninstall key,
; all-users shortcuts) and Electrum's contrib/build-wine/electrum.nsi (estimated size, 64-bit
; Program Files).

Unicode true
Target amd64-unicode
ManifestDPIAware true

!ifndef VERSION
  !error "VERSION is not defined (-DVERSION=…)"
!endif
!ifndef PAYLOAD
  !error "PAYLOAD is not defined (-DPAYLOAD=…)"
!endif
!ifndef OUTFILE
  !define OUTFILE "hexie-setup.exe"
!endif
!ifndef COMPRESSOR
  !define COMPRESSOR "lzma"
!endif
!if "${COMPRESSOR}" == "lzma"
  SetCompressor /SOLID /FINAL lzma
  SetCompressorDictSize 64
!else
  SetCompressor /FINAL ${COMPRESSOR}
!endif

!define PRODUCT_NAME "和谐调解"
!define PRODUCT_KEY "Hexie"
!define PRODUCT_PUBLISHER "和谐调解 Desktop"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${PRODUCT_KEY}"
!define REG_KEY "Software\${PRODUCT_KEY}"
!define PYTHONW "$INSTDIR\python\pythonw.exe"

Name "${PRODUCT_NAME}"
Caption "${PRODUCT_NAME} ${VERSION} 安装"
OutFile "${OUTFILE}"
InstallDir "$PROGRAMFILES64\${PRODUCT_KEY}"
InstallDirRegKey HKLM "${REG_KEY}" "InstallDir"
RequestExecutionLevel admin
CRCCheck on
ShowInstDetails show
ShowUninstDetails show
BrandingText " "

!include "MUI2.nsh"
!include "x64.nsh"
!include "LogicLib.nsh"
!include "FileFunc.nsh"
!include "Sections.nsh"

!define MUI_ICON "${PAYLOAD}\hexie.ico"
!define MUI_UNICON "${PAYLOAD}\hexie.ico"
!define MUI_ABORTWARNING

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "${PYTHONW}"
!define MUI_FINISHPAGE_RUN_PARAMETERS "-m hexie_desktop"
!define MUI_FINISHPAGE_RUN_TEXT "启动 ${PRODUCT_NAME}"
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!define MUI_COMPONENTSPAGE_TEXT_TOP "默认只删除程序文件，站点数据（数据库、备份、附件、密钥）保留在本机，重新安装后可继续使用。"
!insertmacro MUI_UNPAGE_COMPONENTS
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "SimpChinese"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "ProductName" "${PRODUCT_NAME}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "FileDescription" "${PRODUCT_NAME} 安装程序"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "LegalCopyright" "${PRODUCT_PUBLISHER}"

; Refuse while the app runs from this folder (Windows locks a running .exe: it cannot be opened
; for appending).  After Electrum's EnsureNotRunning.
!macro DEFINE_ENSURE_NOT_RUNNING prefix
Function ${prefix}EnsureNotRunning
  ${ForEach} $R1 0 1 + 1
    ${If} $R1 == 0
      StrCpy $R2 "$INSTDIR\python\pythonw.exe"
    ${Else}
      StrCpy $R2 "$INSTDIR\python\python.exe"
    ${EndIf}
    ${If} ${FileExists} "$R2"
      retry:
      ClearErrors
      FileOpen $R3 "$R2" a
      ${If} ${Errors}
        MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "${PRODUCT_NAME} 正在运行，请先关闭程序（包括命令行窗口）再继续。" \
          /SD IDCANCEL IDRETRY retry
        Abort
      ${EndIf}
      FileClose $R3
    ${EndIf}
  ${Next}
FunctionEnd
!macroend
!insertmacro DEFINE_ENSURE_NOT_RUNNING ""
!insertmacro DEFINE_ENSURE_NOT_RUNNING "un."

Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_ICONSTOP|MB_OK "${PRODUCT_NAME} 需要 64 位 Windows 10 或更高版本。" /SD IDOK
    Abort
  ${EndIf}
  SetRegView 64
  SetShellVarContext all
  ; Upgrade: install over the previous version, wherever it was put.
  ReadRegStr $0 HKLM "${UNINST_KEY}" "InstallLocation"
  ${If} $0 != ""
    StrCpy $INSTDIR $0
  ${EndIf}
FunctionEnd

Section "!${PRODUCT_NAME}" SecProgram
  SectionIn RO
  SetShellVarContext all
  ; Only ever a folder of our own: a typed "C:\Program Files" becomes "C:\Program Files\Hexie", so
  ; that removing the old python\ below can never hit another program's files.
  ${GetFileName} "$INSTDIR" $0
  ${If} $0 != "${PRODUCT_KEY}"
    StrCpy $INSTDIR "$INSTDIR\${PRODUCT_KEY}"
  ${EndIf}
  Call EnsureNotRunning
  SetOutPath "$INSTDIR"
  ; The program of an older version goes first (stale packages would shadow new ones);
  ; the station data is not here (it lives in %LOCALAPPDATA%\hexie), so it stays.
  RMDir /r "$INSTDIR\python"
  RMDir /r "$INSTDIR\licenses"
  File /r "${PAYLOAD}\*.*"

  WriteUninstaller "$INSTDIR\uninstall.exe"
  WriteRegStr HKLM "${REG_KEY}" "InstallDir" "$INSTDIR"
  WriteRegStr HKLM "${REG_KEY}" "Version" "${VERSION}"
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayName" "${PRODUCT_NAME}"
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINST_KEY}" "Publisher" "${PRODUCT_PUBLISHER}"
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\hexie.ico"
  WriteRegStr HKLM "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKLM "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKLM "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINST_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKLM "${UNINST_KEY}" "EstimatedSize" "$0"

  ; Shortcuts for all users: the launcher is pythonw.exe -m hexie_desktop (no console window).
  CreateDirectory "$SMPROGRAMS\${PRODUCT_NAME}"
  CreateShortCut "$SMPROGRAMS\${PRODUCT_NAME}\${PRODUCT_NAME}.lnk" "${PYTHONW}" "-m hexie_desktop" \
    "$INSTDIR\hexie.ico" 0 SW_SHOWNORMAL "" "${PRODUCT_NAME}"
  CreateShortCut "$SMPROGRAMS\${PRODUCT_NAME}\${PRODUCT_NAME}（演示站点）.lnk" "${PYTHONW}" \
    "-m hexie_desktop --demo" "$INSTDIR\hexie.ico" 0 SW_SHOWNORMAL "" "演示数据，供培训使用"
  CreateShortCut "$SMPROGRAMS\${PRODUCT_NAME}\卸载 ${PRODUCT_NAME}.lnk" "$INSTDIR\uninstall.exe"
  CreateShortCut "$DESKTOP\${PRODUCT_NAME}.lnk" "${PYTHONW}" "-m hexie_desktop" \
    "$INSTDIR\hexie.ico" 0 SW_SHOWNORMAL "" "${PRODUCT_NAME}"
SectionEnd

Section "un.程序文件" SecUnProgram
  SectionIn RO
  Call un.EnsureNotRunning
  SetShellVarContext all
  Delete "$DESKTOP\${PRODUCT_NAME}.lnk"
  RMDir /r "$SMPROGRAMS\${PRODUCT_NAME}"
  RMDir /r "$INSTDIR\python"
  RMDir /r "$INSTDIR\licenses"
  Delete "$INSTDIR\hexie.cmd"
  Delete "$INSTDIR\hexie.ico"
  Delete "$INSTDIR\payload-manifest.txt"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKLM "${UNINST_KEY}"
  DeleteRegKey HKLM "${REG_KEY}"
SectionEnd

Section /o "un.删除站点数据（数据库、备份、附件、密钥，不可恢复）" SecPurge
  SetShellVarContext current
  RMDir /r "$LOCALAPPDATA\hexie"
  RMDir /r "$LOCALAPPDATA\hexie-demo"
  SetShellVarContext all
SectionEnd

Function un.onInit
  SetRegView 64
  SetShellVarContext all
  ; /PURGE on the command line (silent uninstall) also deletes the station data.
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/PURGE" $R1
  ${IfNot} ${Errors}
    !insertmacro SelectSection ${SecPurge}
  ${EndIf}
FunctionEnd
