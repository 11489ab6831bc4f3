/*
 * Copies of the documents core decodes in its tests (core/tests/documents/, described in its
 * README.md), byte for byte, so that the C decoders are checked against the same shapes as the
 * Rust ones. test_decode.c checks that each copy still equals its file, and that every
 * document there has a copy here.
 */
#include "documents.h"

/* core/tests/documents/user_cce11.xml: GET User as a CCE 11.x server writes it: alphabetical
 * order, lowercase `reasonCode`. */
const char DOC_USER_CCE11[] =
    "<User>\n"
    "  <dialogs>/finesse/api/User/1001/Dialogs</dialogs>\n"
    "  <extension>1001001</extension>\n"
    "  <firstName>Jane</firstName>\n"
    "  <lastName>Doe</lastName>\n"
    "  <loginId>1001</loginId>\n"
    "  <loginName>jdoe</loginName>\n"
    "  <mediaType>1</mediaType>\n"
    "  <pendingState></pendingState>\n"
    "  <reasonCode>\n"
    "    <category>NOT_READY</category>\n"
    "    <code>201</code>\n"
    "    <forAll>true</forAll>\n"
    "    <id>49</id>\n"
    "    <label>Prep Time</label>\n"
    "    <uri>/finesse/api/ReasonCode/49</uri>\n"
    "  </reasonCode>\n"
    "  <reasonCodeId>49</reasonCodeId>\n"
    "  <roles><role>Agent</role></roles>\n"
    "  <settings><wrapUpOnIncoming>REQUIRED</wrapUpOnIncoming></settings>\n"
    "  <state>NOT_READY</state>\n"
    "  <stateChangeTime>2017-09-28T17:33:40.875Z</stateChangeTime>\n"
    "  <teamId>5007</teamId>\n"
    "  <teamName>Sales</teamName>\n"
    "  <uri>/finesse/api/User/1001</uri>\n"
    "</User>\n";

/* core/tests/documents/user_doc_order.xml: the guide's element order, capitalised `ReasonCode`,
 * supervisor teams, mobile agent, elements from newer releases. */
const char DOC_USER_DOC_ORDER[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<!-- Documentation element order, capitalised ReasonCode, and elements from newer releases. -->\n"
    "<User>\n"
    "  <uri>/finesse/api/User/1002</uri>\n"
    "  <loginId>1002</loginId>\n"
    "  <loginName>jroe</loginName>\n"
    "  <roles>\n"
    "    <role>Agent</role>\n"
    "    <role>Supervisor</role>\n"
    "  </roles>\n"
    "  <firstName>John</firstName>\n"
    "  <lastName>Roe</lastName>\n"
    "  <extension>1002002</extension>\n"
    "  <state>TALKING</state>\n"
    "  <pendingState>NOT_READY</pendingState>\n"
    "  <ReasonCode>\n"
    "    <uri>/finesse/api/ReasonCode/22</uri>\n"
    "    <category>NOT_READY</category>\n"
    "    <code>1</code>\n"
    "    <label>Break &amp; Lunch</label>\n"
    "    <forAll>false</forAll>\n"
    "    <systemCode>false</systemCode>\n"
    "  </ReasonCode>\n"
    "  <reasonCodeId>22</reasonCodeId>\n"
    "  <stateChangeTime>2024-03-01T09:00:00.000Z</stateChangeTime>\n"
    "  <settings>\n"
    "    <wrapUpOnIncoming>OPTIONAL</wrapUpOnIncoming>\n"
    "    <wrapUpOnOutgoing>NOT_ALLOWED</wrapUpOnOutgoing>\n"
    "    <deviceSelection>FIXED</deviceSelection>\n"
    "  </settings>\n"
    "  <teamId>5007</teamId>\n"
    "  <teamName>Sales</teamName>\n"
    "  <teams>\n"
    "    <Team><id>5007</id><name>Sales</name><uri>/finesse/api/Team/5007</uri></Team>\n"
    "    <Team><id>5008</id><name>Support</name><uri>/finesse/api/Team/5008</uri></Team>\n"
    "  </teams>\n"
    "  <mobileAgent><mode>CALL_BY_CALL</mode><dialNumber>4085551234</dialNumber></mobileAgent>\n"
    "  <activeDeviceId>SEP0011223344</activeDeviceId>\n"
    "  <devices><device><deviceId>SEP0011223344</deviceId><deviceType>phone</deviceType></device></devices>\n"
    "  <skillTargetId>5001</skillTargetId>\n"
    "  <futureElement attribute=\"x\"><nested><deeper>ignored</deeper></nested></futureElement>\n"
    "  <dialogs>/finesse/api/User/1002/Dialogs</dialogs>\n"
    "</User>\n";

/* core/tests/documents/user_notification.xml: the `<user>` payload of a notification, signed
 * out, with an unknown state. */
const char DOC_USER_NOTIFICATION[] =
    "<user>\n"
    "  <dialogs>/finesse/api/User/1001/Dialogs</dialogs>\n"
    "  <extension></extension>\n"
    "  <firstName>Jane</firstName>\n"
    "  <lastName>Doe</lastName>\n"
    "  <loginId>1001</loginId>\n"
    "  <loginName>jdoe</loginName>\n"
    "  <pendingState/>\n"
    "  <reasonCodeId>-1</reasonCodeId>\n"
    "  <roles><role>Agent</role></roles>\n"
    "  <settings/>\n"
    "  <state>ON_A_NEW_KIND_OF_BREAK</state>\n"
    "  <stateChangeTime/>\n"
    "  <teamId>5007</teamId>\n"
    "  <teamName>Sales</teamName>\n"
    "  <uri>/finesse/api/User/1001</uri>\n"
    "</user>\n";

/* core/tests/documents/dialog_cce11.xml: a ringing inbound call as a CCE 11.x server writes it:
 * all ten call variables, empty `mediaAddressType` for the caller. */
const char DOC_DIALOG_CCE11[] =
    "<Dialog>\n"
    "  <associatedDialogUri></associatedDialogUri>\n"
    "  <fromAddress>335892</fromAddress>\n"
    "  <id>53149720</id>\n"
    "  <mediaProperties>\n"
    "    <DNIS>215194</DNIS>\n"
    "    <callType>OTHER_IN</callType>\n"
    "    <dialedNumber>215194</dialedNumber>\n"
    "    <outboundClassification></outboundClassification>\n"
    "    <callvariables>\n"
    "      <CallVariable><name>callVariable1</name><value></value></CallVariable>\n"
    "      <CallVariable><name>callVariable2</name><value></value></CallVariable>\n"
    "      <CallVariable><name>callVariable3</name><value></value></CallVariable>\n"
    "      <CallVariable><name>callVariable4</name><value></value></CallVariable>\n"
    "      <CallVariable><name>callVariable5</name><value></value></CallVariable>\n"
    "      <CallVariable><name>callVariable6</name><value></value></CallVariable>\n"
    "      <CallVariable><name>callVariable7</name><value></value></CallVariable>\n"
    "      <CallVariable><name>callVariable8</name><value></value></CallVariable>\n"
    "      <CallVariable><name>callVariable9</name><value></value></CallVariable>\n"
    "      <CallVariable><name>callVariable10</name><value></value></CallVariable>\n"
    "    </callvariables>\n"
    "  </mediaProperties>\n"
    "  <mediaType>Voice</mediaType>\n"
    "  <participants>\n"
    "    <Participant>\n"
    "      <actions><action>ANSWER</action></actions>\n"
    "      <mediaAddress>215194</mediaAddress>\n"
    "      <mediaAddressType>AGENT_DEVICE</mediaAddressType>\n"
    "      <startTime>2017-10-13T16:17:55.401Z</startTime>\n"
    "      <state>ALERTING</state>\n"
    "      <stateCause></stateCause>\n"
    "      <stateChangeTime>2017-10-13T16:17:55.401Z</stateChangeTime>\n"
    "    </Participant>\n"
    "    <Participant>\n"
    "      <actions><action>UPDATE_CALL_DATA</action><action>DROP</action></actions>\n"
    "      <mediaAddress>335892</mediaAddress>\n"
    "      <mediaAddressType></mediaAddressType>\n"
    "      <startTime>2017-10-13T16:17:55.401Z</startTime>\n"
    "      <state>INITIATED</state>\n"
    "      <stateCause></stateCause>\n"
    "      <stateChangeTime>2017-10-13T16:17:55.401Z</stateChangeTime>\n"
    "    </Participant>\n"
    "  </participants>\n"
    "  <state>ALERTING</state>\n"
    "  <toAddress>215194</toAddress>\n"
    "  <uri>/finesse/api/Dialog/53149720</uri>\n"
    "</Dialog>\n";

/* core/tests/documents/dialog_doc_sample.xml: the guide's sample: every optional element, ECC
 * scalars and arrays, `BA*` variables, unknown actions and elements. */
const char DOC_DIALOG_DOC_SAMPLE[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<!-- Documentation order, every optional element, ECC scalars and arrays, and unknown elements. -->\n"
    "<Dialog>\n"
    "  <associatedDialogUri>/finesse/api/Dialog/321654</associatedDialogUri>\n"
    "  <id>12345678</id>\n"
    "  <secondaryId>12345679</secondaryId>\n"
    "  <mediaType>Voice</mediaType>\n"
    "  <fromAddress>2002</fromAddress>\n"
    "  <toAddress>2000</toAddress>\n"
    "  <callbackNumber>6135551212</callbackNumber>\n"
    "  <mediaProperties>\n"
    "    <mediaId>1</mediaId>\n"
    "    <dialedNumber>2000</dialedNumber>\n"
    "    <callType>AGENT_INSIDE</callType>\n"
    "    <DNIS>2000</DNIS>\n"
    "    <queueNumber>5022</queueNumber>\n"
    "    <queueName>UCM_PIM.Func.Agents.SG</queueName>\n"
    "    <callKeyCallId>217</callKeyCallId>\n"
    "    <callKeySequenceNum>1</callKeySequenceNum>\n"
    "    <callKeyPrefix>152018</callKeyPrefix>\n"
    "    <callGUID>A1B2C3D4</callGUID>\n"
    "    <wrapUpReason>Sales Call</wrapUpReason>\n"
    "    <wrapUpItems>\n"
    "      <wrapUpItem>Wrong number</wrapUpItem>\n"
    "      <wrapUpItem>Satisfied Customer</wrapUpItem>\n"
    "    </wrapUpItems>\n"
    "    <callvariables>\n"
    "      <CallVariable><name>callVariable1</name><value>Chuck Smith</value></CallVariable>\n"
    "      <CallVariable><name>callVariable2</name><value>Cisco Systems, Inc.</value></CallVariable>\n"
    "      <CallVariable><value>&lt;vip&gt; &#x263A;</value><name>callVariable3</name></CallVariable>\n"
    "      <CallVariable><name>user.CustomerId</name><value>9</value></CallVariable>\n"
    "      <CallVariable><name>user.Orders[0]</name><value>A-17</value></CallVariable>\n"
    "      <CallVariable><name>user.Orders[1]</name><value>A-18</value></CallVariable>\n"
    "      <CallVariable><name>BAStatus</name><value>PREDICTIVE_OUTBOUND</value></CallVariable>\n"
    "    </callvariables>\n"
    "    <serviceConfig><serviceId>7</serviceId></serviceConfig>\n"
    "  </mediaProperties>\n"
    "  <state>ACTIVE</state>\n"
    "  <participants>\n"
    "    <Participant>\n"
    "      <mediaAddress>2002</mediaAddress>\n"
    "      <mediaAddressType>AGENT_DEVICE</mediaAddressType>\n"
    "      <state>HELD</state>\n"
    "      <stateCause/>\n"
    "      <startTime>2024-05-02T10:00:00.000Z</startTime>\n"
    "      <stateChangeTime>2024-05-02T10:01:00.000Z</stateChangeTime>\n"
    "      <actions>\n"
    "        <action>RETRIEVE</action>\n"
    "        <action>DROP</action>\n"
    "        <action>UPDATE_CALL_DATA</action>\n"
    "        <action>TRANSFER</action>\n"
    "        <action>CONFERENCE</action>\n"
    "        <action>START_VIDEO</action>\n"
    "      </actions>\n"
    "    </Participant>\n"
    "    <Participant>\n"
    "      <mediaAddress>2000</mediaAddress>\n"
    "      <mediaAddressType>SOME_FUTURE_TYPE</mediaAddressType>\n"
    "      <state>FAILED</state>\n"
    "      <stateCause>BUSY</stateCause>\n"
    "      <actions><action>DROP</action></actions>\n"
    "    </Participant>\n"
    "  </participants>\n"
    "  <scheduledCallbackInfo>\n"
    "    <callbackTime>2024-05-03T09:30</callbackTime>\n"
    "    <callbackNumber>6135551212</callbackNumber>\n"
    "  </scheduledCallbackInfo>\n"
    "</Dialog>\n";

/* core/tests/documents/dialogs_three_parties.xml: a realistic Dialogs list: 3 participants, 10
 * call variables, 5 ECC variables. */
const char DOC_DIALOGS_THREE_PARTIES[] =
    "<Dialogs>\n"
    "  <Dialog>\n"
    "    <associatedDialogUri></associatedDialogUri>\n"
    "    <fromAddress>1001001</fromAddress>\n"
    "    <id>16777437</id>\n"
    "    <mediaProperties>\n"
    "      <DNIS>6135551212</DNIS>\n"
    "      <callType>OUT</callType>\n"
    "      <dialedNumber>6135551212</dialedNumber>\n"
    "      <outboundClassification></outboundClassification>\n"
    "      <queueName></queueName>\n"
    "      <queueNumber></queueNumber>\n"
    "      <callvariables>\n"
    "      <CallVariable><name>callVariable1</name><value>acct-41</value></CallVariable>\n"
    "      <CallVariable><name>callVariable2</name><value>acct-42</value></CallVariable>\n"
    "      <CallVariable><name>callVariable3</name><value>acct-43</value></CallVariable>\n"
    "      <CallVariable><name>callVariable4</name><value>acct-44</value></CallVariable>\n"
    "      <CallVariable><name>callVariable5</name><value>acct-45</value></CallVariable>\n"
    "      <CallVariable><name>callVariable6</name><value>acct-46</value></CallVariable>\n"
    "      <CallVariable><name>callVariable7</name><value></value></CallVariable>\n"
    "      <CallVariable><name>callVariable8</name><value></value></CallVariable>\n"
    "      <CallVariable><name>callVariable9</name><value></value></CallVariable>\n"
    "      <CallVariable><name>callVariable10</name><value></value></CallVariable>\n"
    "      <CallVariable><name>user.CustomerId</name><value>90210</value></CallVariable>\n"
    "      <CallVariable><name>user.Segment</name><value>GOLD</value></CallVariable>\n"
    "      <CallVariable><name>user.Language</name><value>en-CA</value></CallVariable>\n"
    "      <CallVariable><name>user.Orders[0]</name><value>A-17</value></CallVariable>\n"
    "      <CallVariable><name>user.Orders[1]</name><value>A-18</value></CallVariable>\n"
    "      </callvariables>\n"
    "    </mediaProperties>\n"
    "    <mediaType>Voice</mediaType>\n"
    "    <participants>\n"
    "      <Participant>\n"
    "        <actions><action>HOLD</action><action>DROP</action><action>UPDATE_CALL_DATA</action><action>CONSULT_CALL</action><action>SEND_DTMF</action><action>TRANSFER_SST</action></actions>\n"
    "        <mediaAddress>1001001</mediaAddress>\n"
    "        <mediaAddressType>AGENT_DEVICE</mediaAddressType>\n"
    "        <startTime>2024-05-02T10:00:00.123Z</startTime>\n"
    "        <state>ACTIVE</state>\n"
    "        <stateCause></stateCause>\n"
    "        <stateChangeTime>2024-05-02T10:00:05.456Z</stateChangeTime>\n"
    "      </Participant>\n"
    "      <Participant>\n"
    "        <actions><action>UPDATE_CALL_DATA</action><action>DROP</action></actions>\n"
    "        <mediaAddress>6135551212</mediaAddress>\n"
    "        <mediaAddressType></mediaAddressType>\n"
    "        <startTime>2024-05-02T10:00:00.123Z</startTime>\n"
    "        <state>ACTIVE</state>\n"
    "        <stateCause></stateCause>\n"
    "        <stateChangeTime>2024-05-02T10:00:05.456Z</stateChangeTime>\n"
    "      </Participant>\n"
    "      <Participant>\n"
    "        <actions><action>HOLD</action><action>DROP</action><action>UPDATE_CALL_DATA</action><action>CONSULT_CALL</action><action>SEND_DTMF</action></actions>\n"
    "        <mediaAddress>1002002</mediaAddress>\n"
    "        <mediaAddressType>AGENT_DEVICE</mediaAddressType>\n"
    "        <startTime>2024-05-02T10:00:00.123Z</startTime>\n"
    "        <state>ACTIVE</state>\n"
    "        <stateCause></stateCause>\n"
    "        <stateChangeTime>2024-05-02T10:00:05.456Z</stateChangeTime>\n"
    "      </Participant>\n"
    "    </participants>\n"
    "    <state>ACTIVE</state>\n"
    "    <toAddress>6135551212</toAddress>\n"
    "    <uri>/finesse/api/Dialog/16777437</uri>\n"
    "  </Dialog>\n"
    "</Dialogs>\n";

/* core/tests/documents/dialogs_empty.xml: an empty list as servers write it. */
const char DOC_DIALOGS_EMPTY[] =
    "<Dialogs/>\n";

/* core/tests/documents/dialogs_notification.xml: the `<dialogs>` payload of a POST notification;
 * a dial string kept verbatim. */
const char DOC_DIALOGS_NOTIFICATION[] =
    "<dialogs>\n"
    "  <Dialog>\n"
    "    <associatedDialogUri></associatedDialogUri>\n"
    "    <fromAddress>1001001</fromAddress>\n"
    "    <id>16777438</id>\n"
    "    <mediaProperties>\n"
    "      <DNIS></DNIS>\n"
    "      <callType></callType>\n"
    "      <dialedNumber>(613) 555-1212 ext.9</dialedNumber>\n"
    "      <outboundClassification></outboundClassification>\n"
    "      <callvariables></callvariables>\n"
    "    </mediaProperties>\n"
    "    <mediaType>Voice</mediaType>\n"
    "    <participants>\n"
    "      <Participant>\n"
    "        <actions><action>DROP</action><action>UPDATE_CALL_DATA</action></actions>\n"
    "        <mediaAddress>1001001</mediaAddress>\n"
    "        <mediaAddressType>AGENT_DEVICE</mediaAddressType>\n"
    "        <startTime>2024-05-02T10:00:00.000Z</startTime>\n"
    "        <state>INITIATING</state>\n"
    "        <stateCause></stateCause>\n"
    "        <stateChangeTime>2024-05-02T10:00:00.000Z</stateChangeTime>\n"
    "      </Participant>\n"
    "    </participants>\n"
    "    <state>INITIATING</state>\n"
    "    <toAddress>(613) 555-1212 ext.9</toAddress>\n"
    "    <uri>/finesse/api/Dialog/16777438</uri>\n"
    "  </Dialog>\n"
    "</dialogs>\n";

/* core/tests/documents/api_error.xml: one CTI `apiError` with the 12.5 peripheral fields. */
const char DOC_API_ERROR[] =
    "<apiError>\n"
    "  <errorType>Call Operation Failure</errorType>\n"
    "  <errorData>13</errorData>\n"
    "  <errorMessage>CF_INVALID_DESTINATION</errorMessage>\n"
    "  <peripheralErrorCode>13</peripheralErrorCode>\n"
    "  <peripheralErrorMsg>CF_INVALID_DESTINATION</peripheralErrorMsg>\n"
    "  <peripheralErrorText>The destination is not valid.</peripheralErrorText>\n"
    "</apiError>\n";

/* core/tests/documents/api_errors_sync.xml: a synchronous error (ErrorType, ErrorData,
 * ErrorMessage order). */
const char DOC_API_ERRORS_SYNC[] =
    "<ApiErrors>\n"
    "  <ApiError>\n"
    "    <ErrorType>Parameter Missing</ErrorType>\n"
    "    <ErrorData>finesse.api.reasoncode.require_reasoncode</ErrorData>\n"
    "    <ErrorMessage>The state change requires a valid reason code.</ErrorMessage>\n"
    "  </ApiError>\n"
    "</ApiErrors>\n";

/* core/tests/documents/api_errors_multiple.xml: two errors in the other child order, with 12.5
 * peripheral fields. */
const char DOC_API_ERRORS_MULTIPLE[] =
    "<ApiErrors>\n"
    "  <ApiError>\n"
    "    <ErrorType>Invalid Input</ErrorType>\n"
    "    <ErrorMessage>Call variable value too long</ErrorMessage>\n"
    "    <ErrorData>callVariable3</ErrorData>\n"
    "  </ApiError>\n"
    "  <ApiError>\n"
    "    <ErrorMessage>SERVER_OUT_OF_SERVICE</ErrorMessage>\n"
    "    <ErrorData></ErrorData>\n"
    "    <ErrorType>Service Unavailable</ErrorType>\n"
    "    <peripheralErrorCode>12005</peripheralErrorCode>\n"
    "    <peripheralErrorMsg>CF_GENERIC</peripheralErrorMsg>\n"
    "    <peripheralErrorText>Peripheral offline</peripheralErrorText>\n"
    "  </ApiError>\n"
    "</ApiErrors>\n";

/* core/tests/documents/api_errors_cti.xml: an asynchronous CTI error payload (lowercase names). */
const char DOC_API_ERRORS_CTI[] =
    "<apiErrors>\n"
    "  <apiError>\n"
    "    <errorData>34</errorData>\n"
    "    <errorMessage>CF_RESOURCE_OUT_OF_SERVICE</errorMessage>\n"
    "    <errorType>Call Operation Failure</errorType>\n"
    "  </apiError>\n"
    "</apiErrors>\n";

/* core/tests/documents/system_info.xml: SystemInfo with both nodes and 12.6 port elements. */
const char DOC_SYSTEM_INFO[] =
    "<SystemInfo>\n"
    "  <currentTimestamp>2024-05-02T10:00:00.000Z</currentTimestamp>\n"
    "  <deploymentType>UCCE</deploymentType>\n"
    "  <license>Finesse</license>\n"
    "  <peripheralId>5000</peripheralId>\n"
    "  <primaryNode><host>fin-a.example.com</host><httpsPort>8445</httpsPort><xmppPort>5222</xmppPort></primaryNode>\n"
    "  <secondaryNode><host>fin-b.example.com</host></secondaryNode>\n"
    "  <status>IN_SERVICE</status>\n"
    "  <statusReason></statusReason>\n"
    "  <systemAuthMode>NON_SSO</systemAuthMode>\n"
    "  <timezoneOffset>-300</timezoneOffset>\n"
    "  <uri>/finesse/api/SystemInfo</uri>\n"
    "  <xmppDomain>fin-a.example.com</xmppDomain>\n"
    "  <xmppPubSubDomain>pubsub.fin-a.example.com</xmppPubSubDomain>\n"
    "  <ctiServers><ctiServer><host>cg1a</host></ctiServer></ctiServers>\n"
    "</SystemInfo>\n";

/* core/tests/documents/reason_code.xml: one reason code and one wrap-up reason, as `GET
 * …/ReasonCode/<id>` and `…/WrapUpReason/<id>` answer (the shapes of the API reference
 * §ReasonCode and §WrapUpReason). */
const char DOC_REASON_CODE[] =
    "<ReasonCode>\n"
    "  <uri>/finesse/api/ReasonCode/22</uri>\n"
    "  <id>22</id>\n"
    "  <category>LOGOUT</category>\n"
    "  <code>32762</code>\n"
    "  <label>End of Shift</label>\n"
    "  <forAll>false</forAll>\n"
    "  <systemCode>false</systemCode>\n"
    "</ReasonCode>\n";

/* core/tests/documents/reason_codes.xml: a NOT_READY reason code list, one without an `id`
 * element. */
const char DOC_REASON_CODES[] =
    "<ReasonCodes category=\"NOT_READY\">\n"
    "  <ReasonCode>\n"
    "    <uri>/finesse/api/ReasonCode/29</uri>\n"
    "    <id>29</id>\n"
    "    <category>NOT_READY</category>\n"
    "    <code>201</code>\n"
    "    <label>Prep Time</label>\n"
    "    <forAll>true</forAll>\n"
    "    <systemCode>false</systemCode>\n"
    "  </ReasonCode>\n"
    "  <ReasonCode>\n"
    "    <uri>/finesse/api/ReasonCode/30</uri>\n"
    "    <category>NOT_READY</category>\n"
    "    <code>50006</code>\n"
    "    <label>Outbound call</label>\n"
    "    <forAll>true</forAll>\n"
    "    <systemCode>true</systemCode>\n"
    "  </ReasonCode>\n"
    "</ReasonCodes>\n";

/* core/tests/documents/wrap_up_reason.xml: one reason code and one wrap-up reason, as `GET
 * …/ReasonCode/<id>` and `…/WrapUpReason/<id>` answer (the shapes of the API reference
 * §ReasonCode and §WrapUpReason). */
const char DOC_WRAP_UP_REASON[] =
    "<WrapUpReason>\n"
    "  <uri>/finesse/api/WrapUpReason/7</uri>\n"
    "  <label>Billing question</label>\n"
    "  <forAll>true</forAll>\n"
    "</WrapUpReason>\n";

/* core/tests/documents/wrap_up_reasons.xml: a wrap-up reason list. */
const char DOC_WRAP_UP_REASONS[] =
    "<WrapUpReasons>\n"
    "  <WrapUpReason>\n"
    "    <uri>/finesse/api/WrapUpReason/1</uri>\n"
    "    <label>Sales Call</label>\n"
    "    <forAll>true</forAll>\n"
    "  </WrapUpReason>\n"
    "  <WrapUpReason>\n"
    "    <uri>/finesse/api/WrapUpReason/2</uri>\n"
    "    <label>Support</label>\n"
    "    <forAll>false</forAll>\n"
    "  </WrapUpReason>\n"
    "</WrapUpReasons>\n";

/* core/tests/documents/update_user_put.xml: `<Update>` documents as notifications carry them. */
const char DOC_UPDATE_USER_PUT[] =
    "<Update>\n"
    "  <data>\n"
    "    <user>\n"
    "      <dialogs>/finesse/api/User/1001/Dialogs</dialogs>\n"
    "      <extension>1001001</extension>\n"
    "      <loginId>1001</loginId>\n"
    "      <loginName>jdoe</loginName>\n"
    "      <pendingState></pendingState>\n"
    "      <reasonCodeId>-1</reasonCodeId>\n"
    "      <roles><role>Agent</role></roles>\n"
    "      <state>READY</state>\n"
    "      <stateChangeTime>2024-05-02T10:00:00.000Z</stateChangeTime>\n"
    "      <uri>/finesse/api/User/1001</uri>\n"
    "    </user>\n"
    "  </data>\n"
    "  <event>put</event>\n"
    "  <requestId>0d1d3b4c-6a3e-4e4e-9f3e-0c1b2a3d4e5f</requestId>\n"
    "  <source>/finesse/api/User/1001</source>\n"
    "</Update>\n";

/* core/tests/documents/update_dialogs_post.xml: `<Update>` documents as notifications carry
 * them. */
const char DOC_UPDATE_DIALOGS_POST[] =
    "<Update>\n"
    "  <data>\n"
    "    <dialogs>\n"
    "      <Dialog>\n"
    "        <associatedDialogUri></associatedDialogUri>\n"
    "        <fromAddress>4085550100</fromAddress>\n"
    "        <id>16777220</id>\n"
    "        <mediaProperties>\n"
    "          <DNIS>8005551000</DNIS>\n"
    "          <callType>ACD_IN</callType>\n"
    "          <dialedNumber>8005551000</dialedNumber>\n"
    "          <callvariables>\n"
    "            <CallVariable><name>callVariable1</name><value>claim-77</value></CallVariable>\n"
    "          </callvariables>\n"
    "        </mediaProperties>\n"
    "        <mediaType>Voice</mediaType>\n"
    "        <participants>\n"
    "          <Participant>\n"
    "            <actions><action>ANSWER</action></actions>\n"
    "            <mediaAddress>1001001</mediaAddress>\n"
    "            <mediaAddressType>AGENT_DEVICE</mediaAddressType>\n"
    "            <state>ALERTING</state>\n"
    "          </Participant>\n"
    "        </participants>\n"
    "        <state>ALERTING</state>\n"
    "        <toAddress>8005551000</toAddress>\n"
    "        <uri>/finesse/api/Dialog/16777220</uri>\n"
    "      </Dialog>\n"
    "    </dialogs>\n"
    "  </data>\n"
    "  <event>POST</event>\n"
    "  <requestId></requestId>\n"
    "  <source>/finesse/api/User/1001/Dialogs</source>\n"
    "</Update>\n";

/* core/tests/documents/update_cti_error.xml: `<Update>` documents as notifications carry them. */
const char DOC_UPDATE_CTI_ERROR[] =
    "<Update>\n"
    "  <data><apiErrors><apiError>\n"
    "    <errorData>34</errorData>\n"
    "    <errorMessage>CF_RESOURCE_OUT_OF_SERVICE</errorMessage>\n"
    "    <errorType>Call Operation Failure</errorType>\n"
    "  </apiError></apiErrors></data>\n"
    "  <event>PUT</event><requestId>req-9</requestId><source>/finesse/api/Dialog/12345</source>\n"
    "</Update>\n";

/* core/tests/documents/pubsub_message_dialogs_post.xml: a whole pub-sub `<message>` as the
 * notification service sends it over WebSocket: the envelope of the captured shape in the
 * Finesse API reference (§6.3 "Message shape"), `jabber:client` as RFC 7395 requires, and
 * `update_dialogs_post.xml` escaped inside `<notification>`. */
const char DOC_PUBSUB_MESSAGE_DIALOGS_POST[] =
    "<message from='pubsub.fin1.example.com' to='1001@fin1.example.com' xmlns='jabber:client'\n"
    "         id='/finesse/api/User/1001/Dialogs__1001@fin1.example.com__k15Q3'>\n"
    "  <event xmlns='http://jabber.org/protocol/pubsub#event'>\n"
    "    <items node='/finesse/api/User/1001/Dialogs'>\n"
    "      <item id='0b6afdb5-5d1e-4c3a-9a41-6d1b8f3a2c10'>\n"
    "        <notification xmlns='http://jabber.org/protocol/pubsub'>&lt;Update&gt;\n"
    "  &lt;data&gt;\n"
    "    &lt;dialogs&gt;\n"
    "      &lt;Dialog&gt;\n"
    "        &lt;associatedDialogUri&gt;&lt;/associatedDialogUri&gt;\n"
    "        &lt;fromAddress&gt;4085550100&lt;/fromAddress&gt;\n"
    "        &lt;id&gt;16777220&lt;/id&gt;\n"
    "        &lt;mediaProperties&gt;\n"
    "          &lt;DNIS&gt;8005551000&lt;/DNIS&gt;\n"
    "          &lt;callType&gt;ACD_IN&lt;/callType&gt;\n"
    "          &lt;dialedNumber&gt;8005551000&lt;/dialedNumber&gt;\n"
    "          &lt;callvariables&gt;\n"
    "            &lt;CallVariable&gt;&lt;name&gt;callVariable1&lt;/name&gt;&lt;value&gt;claim-77&lt;/value&gt;&lt;/CallVariable&gt;\n"
    "          &lt;/callvariables&gt;\n"
    "        &lt;/mediaProperties&gt;\n"
    "        &lt;mediaType&gt;Voice&lt;/mediaType&gt;\n"
    "        &lt;participants&gt;\n"
    "          &lt;Participant&gt;\n"
    "            &lt;actions&gt;&lt;action&gt;ANSWER&lt;/action&gt;&lt;/actions&gt;\n"
    "            &lt;mediaAddress&gt;1001001&lt;/mediaAddress&gt;\n"
    "            &lt;mediaAddressType&gt;AGENT_DEVICE&lt;/mediaAddressType&gt;\n"
    "            &lt;state&gt;ALERTING&lt;/state&gt;\n"
    "          &lt;/Participant&gt;\n"
    "        &lt;/participants&gt;\n"
    "        &lt;state&gt;ALERTING&lt;/state&gt;\n"
    "        &lt;toAddress&gt;8005551000&lt;/toAddress&gt;\n"
    "        &lt;uri&gt;/finesse/api/Dialog/16777220&lt;/uri&gt;\n"
    "      &lt;/Dialog&gt;\n"
    "    &lt;/dialogs&gt;\n"
    "  &lt;/data&gt;\n"
    "  &lt;event&gt;POST&lt;/event&gt;\n"
    "  &lt;requestId&gt;&lt;/requestId&gt;\n"
    "  &lt;source&gt;/finesse/api/User/1001/Dialogs&lt;/source&gt;\n"
    "&lt;/Update&gt;</notification>\n"
    "      </item>\n"
    "    </items>\n"
    "  </event>\n"
    "</message>\n";

/* core/tests/documents/team.xml: GET Team: the guide's Team object (DEVNET `team`, DG12.5 p144). */
const char DOC_TEAM[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<!-- GET /finesse/api/Team/<id>: the guide's Team object (DEVNET `team`, \"The Team object is\n"
    "     structured as follows\"; DG12.5 p144): member summaries with a trailing slash in their\n"
    "     URIs, a lowercase reasonCode, and CCX's mediaState (DG12.5 p150). -->\n"
    "<Team>\n"
    "   <uri>/finesse/api/Team/34</uri>\n"
    "   <id>34</id>\n"
    "   <name>My Team</name>\n"
    "   <users>\n"
    "      <User>\n"
    "         <uri>/finesse/api/User/1234/</uri>\n"
    "         <loginId>1234</loginId>\n"
    "         <firstName>Charles</firstName>\n"
    "         <lastName>Brown</lastName>\n"
    "         <dialogs>/finesse/api/User/1234/Dialogs</dialogs>\n"
    "         <extension>1001001</extension>\n"
    "         <pendingState></pendingState>\n"
    "         <state>LOGOUT</state>\n"
    "         <stateChangeTime>2012-03-01T17:58:21.345Z</stateChangeTime>\n"
    "      </User>\n"
    "      <User>\n"
    "         <uri>/finesse/api/User/1235/</uri>\n"
    "         <loginId>1235</loginId>\n"
    "         <firstName>Jack</firstName>\n"
    "         <lastName>Brawn</lastName>\n"
    "         <dialogs>/finesse/api/User/1235/Dialogs</dialogs>\n"
    "         <extension>1001002</extension>\n"
    "         <mediaState>IDLE</mediaState>\n"
    "         <pendingState></pendingState>\n"
    "         <state>NOT_READY</state>\n"
    "         <reasonCode>\n"
    "            <category>NOT_READY</category>\n"
    "            <code>12</code>\n"
    "            <label>Lunch Break</label>\n"
    "            <id>1</id>\n"
    "            <uri>/finesse/api/ReasonCode/1</uri>\n"
    "         </reasonCode>\n"
    "         <stateChangeTime>2012-03-01T18:22:25.123Z</stateChangeTime>\n"
    "      </User>\n"
    "   </users>\n"
    "</Team>\n";

/* core/tests/documents/update_team_users_put.xml: a member's change on the team node (DEVNET `team-notification`, "Payload"). */
const char DOC_UPDATE_TEAM_USERS_PUT[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<!-- A team member's change on node /finesse/api/Team/<id>/Users: the guide's payload\n"
    "     (DEVNET `team-notification`, \"Payload\"; DG12.5 p360-361): source the member's User, a\n"
    "     summary `<user>` with a capitalised ReasonCode, the event in lower case. -->\n"
    "<Update>\n"
    "    <event>put</event>\n"
    "    <source>/finesse/api/User/1235</source>\n"
    "    <requestId>7f3c6a1e-2b0d-4c43-9a55-0d3b1f6f5e21</requestId>\n"
    "    <data>\n"
    "        <user>\n"
    "            <uri>/finesse/api/User/1235</uri>\n"
    "            <loginId>1235</loginId>\n"
    "            <firstName>Jack</firstName>\n"
    "            <lastName>Brown</lastName>\n"
    "            <state>NOT_READY</state>\n"
    "            <stateChangeTime>2012-03-01T17:58:21.123Z</stateChangeTime>\n"
    "            <ReasonCode>\n"
    "                <uri>/finesse/api/ReasonCode/1</uri>\n"
    "                <code>10</code>\n"
    "                <label>Team Meeting</label>\n"
    "                <category>NOT_READY</category>\n"
    "                <id>1</id>\n"
    "            </ReasonCode>\n"
    "        </user>\n"
    "    </data>\n"
    "</Update>\n";

/* core/tests/documents/update_team_put.xml: a whole `<team>` on the team node (DEVNET `team-notification`, sample payload). */
const char DOC_UPDATE_TEAM_PUT[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<!-- The whole team as a notification: the guide's \"Sample Notification Payload\" of the team\n"
    "     node (DEVNET `team-notification`; DG12.5 p361): source /finesse/api/Team/<id>, `<team>`\n"
    "     with member summaries, one without dialogs or extension. -->\n"
    "<Update>\n"
    "    <event>put</event>\n"
    "    <source>/finesse/api/Team/1004</source>\n"
    "    <requestId></requestId>\n"
    "    <data>\n"
    "        <team>\n"
    "            <uri>/finesse/api/Team/1004</uri>\n"
    "            <id>1004</id>\n"
    "            <name>Shiny</name>\n"
    "            <users>\n"
    "                <User>\n"
    "                    <uri>/finesse/api/User/1234</uri>\n"
    "                    <loginId>1004</loginId>\n"
    "                    <firstName>Charles</firstName>\n"
    "                    <lastName>Norrad</lastName>\n"
    "                    <pendingState></pendingState>\n"
    "                    <state>LOGOUT</state>\n"
    "                    <stateChangeTime>2012-03-01T17:58:21.123Z</stateChangeTime>\n"
    "                </User>\n"
    "                <User>\n"
    "                    <uri>/finesse/api/User/9876</uri>\n"
    "                    <loginId>9876</loginId>\n"
    "                    <firstName>Jack</firstName>\n"
    "                    <lastName>Brown</lastName>\n"
    "                    <state>NOT_READY</state>\n"
    "                    <stateChangeTime>2012-03-01T17:58:21.134Z</stateChangeTime>\n"
    "                    <ReasonCode>\n"
    "                        <uri>/finesse/api/ReasonCode/1</uri>\n"
    "                        <code>10</code>\n"
    "                        <label>Team Meeting</label>\n"
    "                        <category>NOT_READY</category>\n"
    "                        <id>1</id>\n"
    "                    </ReasonCode>\n"
    "                </User>\n"
    "            </users>\n"
    "        </team>\n"
    "    </data>\n"
    "</Update>\n";

/* core/tests/documents/queue.xml: GET Queue (DEVNET `queue—get-queue`). */
const char DOC_QUEUE[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<!-- GET /finesse/api/Queue/<id> (CCE): the guide's example response (DEVNET `queue—get-queue`;\n"
    "     DG12.5 p141): no id element (taken from the URI), a timestamp without milliseconds. -->\n"
    "<Queue>\n"
    "    <uri>/finesse/api/Queue/10</uri>\n"
    "    <name>Sales</name>\n"
    "    <statistics>\n"
    "       <callsInQueue>3</callsInQueue>\n"
    "       <startTimeOfLongestCallInQueue>2012-02-15T17:58:21Z</startTimeOfLongestCallInQueue>\n"
    "       <agentsReady>1</agentsReady>\n"
    "       <agentsNotReady>2</agentsNotReady>\n"
    "       <agentsBusyOther>0</agentsBusyOther>\n"
    "       <agentsLoggedOn>1</agentsLoggedOn>\n"
    "       <agentsTalkingInbound>3</agentsTalkingInbound>\n"
    "       <agentsTalkingOutbound>4</agentsTalkingOutbound>\n"
    "       <agentsTalkingInternal>5</agentsTalkingInternal>\n"
    "       <agentsWrapUpNotReady>6</agentsWrapUpNotReady>\n"
    "       <agentsWrapUpReady>7</agentsWrapUpReady>\n"
    "    </statistics>\n"
    "</Queue>\n";

/* core/tests/documents/queues.xml: GET User/Queues (DEVNET `queue—get-list-of-queues-for-user`), a queue assigned to no one. */
const char DOC_QUEUES[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<!-- GET /finesse/api/User/<id>/Queues (CCE): the guide's example response (DEVNET\n"
    "     `queue—get-list-of-queues-for-user`), and a queue assigned to no one: -1 for numbers,\n"
    "     empty for strings (DEVNET `queue—get-queue`). -->\n"
    "<Queues>\n"
    "    <Queue>\n"
    "        <uri>/finesse/api/Queue/1234</uri>\n"
    "        <name>Sales</name>\n"
    "        <statistics>\n"
    "            <callsInQueue>3</callsInQueue>\n"
    "            <startTimeOfLongestCallInQueue>2012-02-15T17:58:21Z</startTimeOfLongestCallInQueue>\n"
    "            <agentsReady>1</agentsReady>\n"
    "            <agentsNotReady>2</agentsNotReady>\n"
    "            <agentsBusyOther>0</agentsBusyOther>\n"
    "            <agentsLoggedOn>1</agentsLoggedOn>\n"
    "            <agentsTalkingInbound>3</agentsTalkingInbound>\n"
    "            <agentsTalkingOutbound>4</agentsTalkingOutbound>\n"
    "            <agentsTalkingInternal>5</agentsTalkingInternal>\n"
    "            <agentsWrapUpNotReady>6</agentsWrapUpNotReady>\n"
    "            <agentsWrapUpReady>7</agentsWrapUpReady>\n"
    "        </statistics>\n"
    "    </Queue>\n"
    "    <Queue>\n"
    "        <uri>/finesse/api/Queue/1235</uri>\n"
    "        <name>Unassigned</name>\n"
    "        <statistics>\n"
    "            <callsInQueue>-1</callsInQueue>\n"
    "            <startTimeOfLongestCallInQueue></startTimeOfLongestCallInQueue>\n"
    "            <agentsReady>-1</agentsReady>\n"
    "            <agentsNotReady>-1</agentsNotReady>\n"
    "            <agentsBusyOther>-1</agentsBusyOther>\n"
    "            <agentsLoggedOn>-1</agentsLoggedOn>\n"
    "            <agentsTalkingInbound>-1</agentsTalkingInbound>\n"
    "            <agentsTalkingOutbound>-1</agentsTalkingOutbound>\n"
    "            <agentsTalkingInternal>-1</agentsTalkingInternal>\n"
    "            <agentsWrapUpNotReady>-1</agentsWrapUpNotReady>\n"
    "            <agentsWrapUpReady>-1</agentsWrapUpReady>\n"
    "        </statistics>\n"
    "    </Queue>\n"
    "</Queues>\n";

/* core/tests/documents/update_queue_put.xml: a queue's statistics (DEVNET `queue-notifications`, PUT). */
const char DOC_UPDATE_QUEUE_PUT[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<!-- A queue's statistics on node /finesse/api/Queue/<id> (CCE, about every 10 s while they\n"
    "     change): the guide's \"Sample Notification Payload (PUT)\" (DEVNET `queue-notifications`;\n"
    "     DG12.5 p361): a capitalised `<Queue>`, the event in lower case, no agentsBusyOther or\n"
    "     agentsLoggedOn. -->\n"
    "<Update>\n"
    "    <event>put</event>\n"
    "    <source>/finesse/api/Queue/1004</source>\n"
    "    <requestId></requestId>\n"
    "    <data>\n"
    "        <Queue>\n"
    "            <uri>/finesse/api/Queue/1004</uri>\n"
    "            <name>Sales</name>\n"
    "            <statistics>\n"
    "                <callsInQueue>3</callsInQueue>\n"
    "                <startTimeOfLongestCallInQueue>2012-02-15T17:58:21Z</startTimeOfLongestCallInQueue>\n"
    "                <agentsReady>1</agentsReady>\n"
    "                <agentsNotReady>2</agentsNotReady>\n"
    "                <agentsTalkingInbound>3</agentsTalkingInbound>\n"
    "                <agentsTalkingOutbound>4</agentsTalkingOutbound>\n"
    "                <agentsTalkingInternal>5</agentsTalkingInternal>\n"
    "                <agentsWrapUpNotReady>6</agentsWrapUpNotReady>\n"
    "                <agentsWrapUpReady>7</agentsWrapUpReady>\n"
    "            </statistics>\n"
    "        </Queue>\n"
    "    </data>\n"
    "</Update>\n";

/* core/tests/documents/update_queue_delete.xml: a queue removed (DEVNET `queue-notifications`, DELETE). */
const char DOC_UPDATE_QUEUE_DELETE[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<!-- A queue removed from the user: the guide's \"Payload (DELETE)\" of the queue node (DEVNET\n"
    "     `queue-notifications`), the event in lower case, only the queue's URI. -->\n"
    "<Update>\n"
    "    <event>delete</event>\n"
    "    <source>/finesse/api/Queue/1004</source>\n"
    "    <requestId></requestId>\n"
    "    <data>\n"
    "       <Queue>\n"
    "           <uri>/finesse/api/Queue/1004</uri>\n"
    "        </Queue>\n"
    "     </data>\n"
    "</Update>\n";

/* core/tests/documents/team_message.xml: a TeamMessage as DEVNET `teammessage` structures it. */
const char DOC_TEAM_MESSAGE[] =
    "<TeamMessage>\n"
    "    <uri>/finesse/api/TeamMessage/be1598bb-bb2a-4dfc-8c01-91ec10b029af</uri>\n"
    "    <id>be1598bb-bb2a-4dfc-8c01-91ec10b029af</id>\n"
    "    <createdBy>\n"
    "        <id>1001050</id>\n"
    "        <firstName>AGENT</firstName>\n"
    "        <lastName>1001050</lastName>\n"
    "    </createdBy>\n"
    "    <createdAt>1537418173</createdAt>\n"
    "    <duration>100</duration>\n"
    "    <content>content 4</content>\n"
    "    <teams>\n"
    "        <team>5052</team>\n"
    "        <team>5000</team>\n"
    "    </teams>\n"
    "</TeamMessage>\n";

/* core/tests/documents/team_messages.xml: a team's messages: the guide's, then lowercase names,
 * lenient numbers, escaped text, an unknown element. */
const char DOC_TEAM_MESSAGES[] =
    "<TeamMessages>\n"
    "    <TeamMessage>\n"
    "        <uri>/finesse/api/TeamMessage/be1598bb-bb2a-4dfc-8c01-91ec10b029af</uri>\n"
    "        <id>be1598bb-bb2a-4dfc-8c01-91ec10b029af</id>\n"
    "        <createdBy>\n"
    "            <id>1001050</id>\n"
    "            <firstName>AGENT</firstName>\n"
    "            <lastName>1001050</lastName>\n"
    "        </createdBy>\n"
    "        <createdAt>1537418173</createdAt>\n"
    "        <duration>100</duration>\n"
    "        <content>content 4</content>\n"
    "        <teams>\n"
    "            <team>5052</team>\n"
    "            <team>5000</team>\n"
    "        </teams>\n"
    "    </TeamMessage>\n"
    "    <teammessage>\n"
    "        <id>0d4c1c0e-5a43-4a0e-9d43-3c1c2f7e0a11</id>\n"
    "        <createdby><id>1001051</id></createdby>\n"
    "        <createdat></createdat>\n"
    "        <duration>not a number</duration>\n"
    "        <content>Team meeting at 3 &amp; bring &lt;notes&gt;</content>\n"
    "        <teams><team>5000</team></teams>\n"
    "        <priority>high</priority>\n"
    "    </teammessage>\n"
    "</TeamMessages>\n";

/* core/tests/documents/update_team_message_post.xml: a TeamMessage notification (POST). */
const char DOC_UPDATE_TEAM_MESSAGE_POST[] =
    "<Update>\n"
    "    <event>POST</event>\n"
    "    <source>/finesse/api/TeamMessage/be1598bb-bb2a-4dfc-8c01-91ec10b029af</source>\n"
    "    <requestId>6b1c2f0e-8f4e-4b53-9d7c-2a3b4c5d6e7f</requestId>\n"
    "    <data>\n"
    "        <TeamMessage>\n"
    "            <uri>/finesse/api/TeamMessage/be1598bb-bb2a-4dfc-8c01-91ec10b029af</uri>\n"
    "            <id>be1598bb-bb2a-4dfc-8c01-91ec10b029af</id>\n"
    "            <createdBy>\n"
    "                <id>1001050</id>\n"
    "                <firstName>AGENT</firstName>\n"
    "                <lastName>1001050</lastName>\n"
    "            </createdBy>\n"
    "            <createdAt>1537418173</createdAt>\n"
    "            <duration>100</duration>\n"
    "            <content>content 4</content>\n"
    "            <teams>\n"
    "                <team>5052</team>\n"
    "                <team>5000</team>\n"
    "            </teams>\n"
    "        </TeamMessage>\n"
    "    </data>\n"
    "</Update>\n";

const struct test_document TEST_DOCUMENTS[] = {
    {"user_cce11.xml", DOC_USER_CCE11},
    {"user_doc_order.xml", DOC_USER_DOC_ORDER},
    {"user_notification.xml", DOC_USER_NOTIFICATION},
    {"dialog_cce11.xml", DOC_DIALOG_CCE11},
    {"dialog_doc_sample.xml", DOC_DIALOG_DOC_SAMPLE},
    {"dialogs_three_parties.xml", DOC_DIALOGS_THREE_PARTIES},
    {"dialogs_empty.xml", DOC_DIALOGS_EMPTY},
    {"dialogs_notification.xml", DOC_DIALOGS_NOTIFICATION},
    {"api_error.xml", DOC_API_ERROR},
    {"api_errors_sync.xml", DOC_API_ERRORS_SYNC},
    {"api_errors_multiple.xml", DOC_API_ERRORS_MULTIPLE},
    {"api_errors_cti.xml", DOC_API_ERRORS_CTI},
    {"system_info.xml", DOC_SYSTEM_INFO},
    {"reason_code.xml", DOC_REASON_CODE},
    {"reason_codes.xml", DOC_REASON_CODES},
    {"wrap_up_reason.xml", DOC_WRAP_UP_REASON},
    {"wrap_up_reasons.xml", DOC_WRAP_UP_REASONS},
    {"update_user_put.xml", DOC_UPDATE_USER_PUT},
    {"update_dialogs_post.xml", DOC_UPDATE_DIALOGS_POST},
    {"update_cti_error.xml", DOC_UPDATE_CTI_ERROR},
    {"pubsub_message_dialogs_post.xml", DOC_PUBSUB_MESSAGE_DIALOGS_POST},
    {"team.xml", DOC_TEAM},
    {"update_team_users_put.xml", DOC_UPDATE_TEAM_USERS_PUT},
    {"update_team_put.xml", DOC_UPDATE_TEAM_PUT},
    {"queue.xml", DOC_QUEUE},
    {"queues.xml", DOC_QUEUES},
    {"update_queue_put.xml", DOC_UPDATE_QUEUE_PUT},
    {"update_queue_delete.xml", DOC_UPDATE_QUEUE_DELETE},
    {"team_message.xml", DOC_TEAM_MESSAGE},
    {"team_messages.xml", DOC_TEAM_MESSAGES},
    {"update_team_message_post.xml", DOC_UPDATE_TEAM_MESSAGE_POST},
};

const size_t TEST_DOCUMENT_COUNT = sizeof TEST_DOCUMENTS / sizeof TEST_DOCUMENTS[0];
